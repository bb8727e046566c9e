import http from 'node:http';
import net from 'node:net';

/** The header naming the upstream a request (or a websocket upgrade) must go to. */
export const UPSTREAM_HEADER = 'x-upstream';

export interface LoopbackProxy {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A stand-in for the load balancer in front of several server processes, on a loopback port:
 * a request or websocket upgrade with `x-upstream: <name>` goes to that upstream, any other
 * to the next one in turn. Headers pass unchanged (Host stays the proxy's, as the browser
 * addressed it), so the servers see what they would behind a plain TCP balancer.
 */
export async function startLoopbackProxy(upstreams: Record<string, string>): Promise<LoopbackProxy> {
  const names = Object.keys(upstreams);
  let turn = 0;
  const choose = (req: http.IncomingMessage): URL => {
    const asked = req.headers[UPSTREAM_HEADER];
    const name = typeof asked === 'string' && asked in upstreams ? asked : names[turn++ % names.length]!;
    return new URL(upstreams[name]!);
  };
  const tunnels = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const target = choose(req);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // A server process killed mid-request: the client sees its connection drop, as behind a real balancer.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('upgrade', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = choose(req);
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await closed;
    },
  };
}
