import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  body: any;
}

/**
 * Sends `body` exactly as given, with a Content-Length that matches it, so a server sees a
 * complete HTTP request whose content is cut or garbled (fetch and FormData cannot send one),
 * in one write or several.
 */
export function rawPost(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  pieces = 1,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      baseUrl + path,
      { method: 'POST', headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = (res.headers['content-type'] ?? '').includes('json') && text;
          resolve({ status: res.statusCode ?? 0, body: json ? JSON.parse(text) : text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    void writeInPieces(req, body, pieces);
  });
}

/** Writes `body` in `pieces` parts, yielding to the event loop between them so the server may read them apart. */
async function writeInPieces(req: http.ClientRequest, body: Buffer, pieces: number): Promise<void> {
  const size = Math.max(1, Math.ceil(body.length / pieces));
  for (let at = 0; at < body.length - size; at += size) {
    req.write(body.subarray(at, at + size));
    await new Promise((resolve) => setImmediate(resolve));
  }
  req.end(body.subarray(Math.max(0, Math.ceil(body.length / size) - 1) * size));
}

/**
 * Announces `declaredLength` bytes, sends only `body` and closes the connection: a client that
 * goes away mid-upload. Resolves once the socket is closed; no answer is expected.
 */
export function abandonedPost(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  declaredLength: number,
): Promise<void> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      const head = [
        `POST ${path} HTTP/1.1`,
        `host: ${url.host}`,
        `content-length: ${declaredLength}`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(head.join('\r\n') + '\r\n\r\n');
      socket.end(body);
    });
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.resume();
  });
}
