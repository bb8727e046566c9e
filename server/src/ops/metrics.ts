import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { and, count, eq, lte, min } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import { engineTimers, notifications } from '../db/schema.js';

/**
 * Process-wide metrics: one registry per process, whatever the number of apps in it (tests run
 * several), so the counters of engine/, the jobs and the HTTP layer add up where they happen.
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [processMetrics],
});

/** What a command on a dossier was: these are the transactions that lock a dossier and run its engine. */
export type CommandKind = 'intake' | 'completion' | 'message' | 'timer' | 'supplement' | 'extension';

const commandDuration = new Histogram({
  name: 'motcua_command_duration_seconds',
  help: 'Commands on a dossier (lock → engine → write → commit), by kind',
  labelNames: ['kind'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [processMetrics],
});

const engineLookups = new Counter({
  name: 'motcua_engine_lookups_total',
  help: 'Commands that found their process engine hot in memory (hit) or recovered it from its saved state (miss)',
  labelNames: ['result'] as const,
  registers: [processMetrics],
});

/** Runs one command and records how long it took, failed or not (a refused command costs time too). */
export async function timeCommand<T>(kind: CommandKind, command: () => Promise<T>): Promise<T> {
  const end = commandDuration.startTimer({ kind });
  try {
    return await command();
  } finally {
    end();
  }
}

/** For a command found inside a loop (the timer job): call the answer once one has run. */
export function startCommandTimer(kind: CommandKind): () => void {
  const end = commandDuration.startTimer({ kind });
  return () => void end();
}

/** Notes whether a command found its engine hot. */
export function countEngineLookup(hit: boolean): void {
  engineLookups.inc({ result: hit ? 'hit' : 'miss' });
}

/**
 * Gauges read from the database when scraped, one cheap query each (both use partial indexes
 * on pending rows): how many notices wait in the outbox, and how late the oldest due timer is,
 * which says the timer job is stuck or behind.
 */
export function databaseMetrics(db: Db): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'motcua_outbox_pending',
    help: 'Notifications in the outbox not delivered yet',
    registers: [registry],
    async collect() {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.status, 'pending'));
      this.set(row?.n ?? 0);
    },
  });
  new Gauge({
    name: 'motcua_timer_lag_seconds',
    help: 'Now minus the fire time of the oldest pending engine timer that is due (0 when none is)',
    registers: [registry],
    async collect() {
      const now = clock.now();
      const [row] = await db
        .select({ oldest: min(engineTimers.fireAt) })
        .from(engineTimers)
        .where(and(eq(engineTimers.status, 'pending'), lte(engineTimers.fireAt, now)));
      this.set(row?.oldest ? Math.max(0, (now.getTime() - row.oldest.getTime()) / 1000) : 0);
    },
  });
  return registry;
}

/** The Prometheus text of the process's metrics followed by an app's database gauges. */
export async function metricsText(database: Registry): Promise<string> {
  const [own, fromDb] = await Promise.all([processMetrics.metrics(), database.metrics()]);
  return `${own}\n${fromDb}`;
}

export const METRICS_CONTENT_TYPE = processMetrics.contentType;
