import net from 'node:net';

/**
 * A loopback port nobody listens on now, chosen by the OS. Fixed port numbers collide on a
 * machine shared with other runs (clusters of older releases all had the same password, so one
 * would even accept another's connection; each now has its own, see embedded-postgres-password.ts).
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
