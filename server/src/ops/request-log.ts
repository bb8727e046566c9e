import crypto from 'node:crypto';
import type { Context, Next } from 'koa';
import { logger } from '../core/logger.js';
import type { SessionUser } from '../core/roles.js';
import { httpDuration } from './metrics.js';

/** A caller's request id is kept only when it is a short token: it goes into every log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when safe, else a new one), echoes it,
 * and writes one access log line and one histogram sample when the answer is settled. The route
 * is the pattern the router matched, never the raw path or its query: codes, lookup secrets and
 * ID numbers travel there. Requests no route matched are labelled by what answered them.
 */
export function requestLog() {
  return async (ctx: Context, next: Next) => {
    const given = ctx.get('x-request-id');
    const requestId = SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(ctx);
      const status = ctx.status;
      httpDuration.observe({ method: ctx.method, route, status: String(status) }, seconds);
      logger.info(
        {
          requestId,
          method: ctx.method,
          route,
          status,
          ms: Math.round(seconds * 10_000) / 10,
          userId: (ctx.state.user as SessionUser | undefined)?.id,
        },
        'request',
      );
    }
  };
}

function routeOf(ctx: Context): string {
  const matched = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
  if (typeof matched === 'string') return matched;
  if (ctx.state.servedClient) return '(client)';
  return ctx.status === 404 ? '(no route)' : '(unrouted)';
}
