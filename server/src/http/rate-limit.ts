import type { Context, Next } from 'koa';
import { errors } from '../core/errors.js';

/**
 * A fixed-window limit per client address, for public endpoints that take a guessable input
 * (the dossier lookup). In-process: each server process counts on its own.
 */
export function rateLimit(limit: number, windowMs: number) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (ctx: Context, next: Next) => {
    const now = Date.now();
    if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
    const key = ctx.ip;
    let entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      hits.set(key, entry);
    }
    entry.count += 1;
    if (entry.count > limit) {
      throw errors.rateLimited((entry.resetAt - now) / 1000);
    }
    await next();
  };
}
