import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './core/config.js';
import { limitHotEngines } from './engine/runtime.js';
import { openDatabase, withAdvisoryLock } from './core/db.js';
import { startEmbeddedPostgres, type EmbeddedCluster } from './core/embedded-postgres.js';
import { ensureDatabase } from './core/ensure-database.js';
import { createApp } from './app.js';
import { attachSocketUpdates, type SocketUpdates } from './realtime/socket-updates.js';
import { startJobs } from './jobs/scheduler.js';
import { channelsFrom } from './notify/channels.js';
import { setSessionLimits } from './auth/sessions.repository.js';
import { seedDatabase } from './seed/seed-database.js';
import { fillStepMinutes } from './tasks/step-minutes.js';
import { CLIENT_DIST, ensureClientBuilt } from './web/client-build.js';
import { errorFields, logger } from './core/logger.js';
import { trackInFlight } from './ops/in-flight.js';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts everything `npm start` promises: PostgreSQL (embedded unless DATABASE_URL is set),
 * migrations, the admin user, demo data outside production, the procedure catalogue, the API.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  let cluster: EmbeddedCluster | null = null;
  let url = config.databaseUrl;
  if (!url) {
    cluster = await startEmbeddedPostgres(
      path.join(config.dataDir, 'pg'),
      Number(process.env.PG_PORT ?? 54320),
    );
    url = cluster.url('motcua');
  }
  try {
    if (cluster) await ensureDatabase(cluster.url('postgres'), 'motcua');
    return await serve(config, url, cluster);
  } catch (err) {
    // A server that cannot start must not leave its PostgreSQL running behind it.
    await cluster?.stop();
    throw err;
  }
}

async function serve(config: Config, url: string, cluster: EmbeddedCluster | null): Promise<RunningServer> {
  limitHotEngines(config.hotEngines);
  setSessionLimits(config.sessions.idleMinutes, config.sessions.maxHours);
  const database = await openDatabase(url);
  const { db } = database;
  const server = http.createServer();
  const requests = trackInFlight(server);
  let draining = false;
  let live: SocketUpdates | null = null;
  try {
    await withAdvisoryLock(database.pool, 'step-minutes', () => fillStepMinutes(db));
    await withAdvisoryLock(database.pool, 'seed', () => seedDatabase(db, config));
    live = attachSocketUpdates(server, db, url, {
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
    });
    const app = createApp({
      db,
      live,
      filesDir: path.join(config.dataDir, 'files'),
      publicUrl: config.publicUrl,
      trustProxy: config.trustProxy,
      clientDist: CLIENT_DIST,
      ops: { isDraining: () => draining, metricsToken: config.metricsToken, production: config.production },
    });
    server.on('request', app.callback());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, resolve);
    });
  } catch (err) {
    // The adapter's heartbeat timers and LISTEN connection would keep a failed start alive.
    await live?.close();
    await database.close();
    throw err;
  }
  const sockets = live;
  const jobs = config.jobs.enabled
    ? await withAdvisoryLock(database.pool, 'jobs-schema', () =>
        startJobs(database.pool, db, sockets, { ...config.jobs, channels: channelsFrom(config.notify) }),
      )
    : null;
  const port = (server.address() as { port: number }).port;
  return {
    port,
    /**
     * Stops in order: /readyz answers 503 at once and no new connection is accepted; requests in
     * flight get up to SHUTDOWN_GRACE_MS to finish (their commands commit or roll back whole)
     * while the jobs stop; then the remaining connections, the pool and the cluster close.
     */
    async close() {
      draining = true;
      requests.drain();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const [finished] = await Promise.all([
        requests.settled(config.shutdownGraceMs),
        jobs?.stop(config.shutdownGraceMs),
      ]);
      if (!finished)
        logger.warn({ inFlight: requests.count }, 'shutdown grace period over: closing requests in flight');
      server.closeAllConnections();
      // Upgraded sockets outlive closeAllConnections; and the adapter's connections must end
      // before PostgreSQL does, or their 57P01 arrives unhandled.
      await sockets.close();
      await closed;
      await database.close();
      await cluster?.stop();
    },
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureClientBuilt();
  const running = await startServer(config);
  // test/support/server-process.ts waits for the address in this line.
  logger.info(
    { port: running.port, demo: config.demo },
    `Một cửa điện tử: http://localhost:${running.port}${config.demo ? ' (demo data)' : ''}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // close() stops listening before its first await: said after, the line is true when read.
    const closing = running.close();
    logger.info({ signal }, 'stopping: no new connections, letting requests in flight finish');
    try {
      await closing;
    } catch (err) {
      logger.error(errorFields(err), 'shutdown failed');
      process.exit(1);
    }
    logger.info({ signal }, 'stopped');
    process.exit(0);
  };
  // embedded-postgres registers its own signal hook, which stops PostgreSQL at once and exits:
  // the job runner's connections then die mid-shutdown (an unhandled 57P01 crashed the process).
  // The server closes everything in order itself, the cluster last.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    logger.fatal(errorFields(err), err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
