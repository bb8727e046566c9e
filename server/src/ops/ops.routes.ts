import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { Context } from 'koa';
import type { Db } from '../core/db.js';
import { errors } from '../core/errors.js';
import { defineRoute, type AnyRoute } from '../http/route.js';
import { databaseMetrics, METRICS_CONTENT_TYPE, metricsText } from './metrics.js';

/** How long /readyz waits for `select 1`: a probe must answer well within its own timeout. */
const READY_TIMEOUT_MS = 2_000;

export interface OpsOptions {
  /** True from the moment shutdown begins: /readyz answers 503 so traffic moves elsewhere. */
  isDraining(): boolean;
  /** METRICS_TOKEN: /metrics requires it as a Bearer token when set. */
  metricsToken: string | null;
  /** In production /metrics is off unless METRICS_TOKEN is set. */
  production: boolean;
}

/** Paths the operations routes answer outside /api: the web client must leave them alone. */
export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'];

/** Liveness, readiness and Prometheus metrics, for the orchestrator and the monitoring. */
export function opsRoutes(db: Db, options: OpsOptions): AnyRoute[] {
  const fromDatabase = databaseMetrics(db);
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'The process is alive (no database involved)',
      tag: 'ops',
      access: 'public',
      scope: 'none',
      responses: { 200: Type.Object({ status: Type.Literal('ok') }) },
      handler: (ctx) => {
        ctx.body = { status: 'ok' };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      summary: 'Ready for traffic: the database answers and the server is not shutting down',
      tag: 'ops',
      access: 'public',
      scope: 'none',
      responses: { 200: Type.Object({ status: Type.Literal('ready') }) },
      handler: async (ctx) => {
        if (options.isDraining()) throw errors.notReady('shutting_down');
        if (!(await databaseAnswers(db))) throw errors.notReady('database_unavailable');
        ctx.body = { status: 'ready' };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics; Bearer METRICS_TOKEN when set, off in production without it',
      tag: 'ops',
      // The token is not a user's role: anyone holding it may scrape, checked in the handler.
      access: 'public',
      scope: 'none',
      produces: 'text/plain; version=0.0.4',
      handler: async (ctx) => {
        requireScrapeAccess(ctx, options);
        ctx.type = METRICS_CONTENT_TYPE;
        ctx.body = await metricsText(fromDatabase);
      },
    }),
  ];
}

function requireScrapeAccess(ctx: Context, { metricsToken, production }: OpsOptions): void {
  if (!metricsToken) {
    if (production) throw errors.metricsDisabled();
    return;
  }
  const given = /^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1] ?? '';
  if (!sameSecret(given, metricsToken)) throw errors.metricsTokenRequired();
}

/** Constant-time comparison: the time of a refusal must not tell how much of the token was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

async function databaseAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
