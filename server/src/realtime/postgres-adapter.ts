import pg from 'pg';
import { createAdapter } from '@socket.io/postgres-adapter';

export interface ClusterAdapter {
  /** For `new Server(…, { adapter })`. */
  adapter: ReturnType<typeof createAdapter>;
  /** Ends the adapter's pool; call after `io.close()`, which gives its LISTEN connection back. */
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
  const log = (err: Error) => console.error('[realtime] postgres adapter:', err.message);
  pool.on('error', log);
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    // pg-pool listens for errors on idle clients only, and the LISTEN connection is never idle:
    // without this, a database restart or shutdown (57P01) would be an unhandled 'error' event.
    client.on('error', log);
    // The adapter reconnects when its LISTEN connection ends but never releases the dead one:
    // give it back broken, or every database restart would keep one of the pool's slots.
    client.on('end', () => {
      if (checkedOut.has(client)) client.release(new Error('connection ended'));
    });
  });
  return {
    // The adapter's own default only prints with DEBUG set: a lost NOTIFY should be seen.
    adapter: createAdapter(pool, { errorHandler: log }),
    end: () => pool.end(),
  };
}
