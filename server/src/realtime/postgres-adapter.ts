import pg from 'pg';
import { createAdapter } from '@socket.io/postgres-adapter';
import { errorFields, logger } from '../core/logger.js';

export interface ClusterAdapter {
  /** For `new Server(…, { adapter })`. */
  adapter: ReturnType<typeof createAdapter>;
  /** Ends the adapter's pool; call after `io.close()`. */
  end(): Promise<void>;
}

/**
 * socket.io's adapter over PostgreSQL LISTEN/NOTIFY: a broadcast reaches the sockets of every
 * server process on this database, so an officer connected to one process hears of a task
 * made on another. A pool of its own, because the adapter keeps one connection checked out
 * for LISTEN as long as the process runs and the app's pool must not lose it.
 */
export function postgresAdapter(url: string): ClusterAdapter {
  const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'motcua-realtime' });
  const log = (err: Error) => logger.error(errorFields(err), 'realtime: postgres adapter');
  pool.on('error', log);
  const checkedOut = new Set<pg.PoolClient>();
  /** The connection the adapter took for LISTEN, while it holds it. */
  const listening = new Set<pg.PoolClient>();
  let closing = false;
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => {
    checkedOut.delete(client);
    listening.delete(client);
  });
  pool.on('connect', (client) => {
    // pg-pool listens for errors on idle clients only, and the LISTEN connection is never idle:
    // without this, a database restart or shutdown (57P01) would be an unhandled 'error' event.
    client.on('error', log);
    // The adapter reconnects when its LISTEN connection ends but never releases the dead one:
    // give it back broken, or every database restart would keep one of the pool's slots.
    client.on('end', () => {
      if (listening.has(client)) client.release(new Error('connection ended'));
    });
  });
  // The adapter takes its LISTEN connection through `connect` and sends NOTIFY through `query`.
  // Once closing, a connection it asks for never comes: a server closed while the adapter was
  // still starting would otherwise get one after `io.close()`, which nobody gives back, and
  // `pool.end()` would wait for it (a minute, in tests that start and stop quickly).
  const guarded = {
    connect: async () => {
      if (closing) return new Promise<never>(() => {});
      const client = await pool.connect();
      if (closing) {
        client.release();
        return new Promise<never>(() => {});
      }
      listening.add(client);
      return client;
    },
    query: (text: string, values?: unknown[]) => pool.query(text, values),
  } as unknown as pg.Pool;
  return {
    // The adapter's own default only prints with DEBUG set: a lost NOTIFY should be seen.
    adapter: createAdapter(guarded, { errorHandler: log }),
    end: async () => {
      closing = true;
      // Only the LISTEN connection: a query's own connection is released by pg itself.
      for (const client of listening) client.release(true);
      await pool.end();
    },
  };
}
