import type { Context, Next } from 'koa';
import { errors } from '../core/errors.js';
import { isOwnOrigin, type OriginPolicy } from './same-origin.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a page of another origin made the browser send with
 * our session cookie (SameSite=Lax does not stop a sibling subdomain or another port: they are
 * the same site). The browser's `Origin` decides; without it, `Sec-Fetch-Site`. A request with
 * neither is let through: every browser in use sends `Origin` on a cross-origin POST (and on
 * every fetch other than GET/HEAD), so such a request comes from curl, a server or a test,
 * which carry no victim's cookie.
 */
export function sameOriginGuard(policy: OriginPolicy) {
  return async (ctx: Context, next: Next) => {
    if (STATE_CHANGING.has(ctx.method) && !fromOwnPage(ctx, policy)) throw errors.crossSiteRequest();
    await next();
  };
}

function fromOwnPage(ctx: Context, policy: OriginPolicy): boolean {
  const origin = ctx.get('Origin');
  if (origin) return isOwnOrigin(ctx.req, origin, policy);
  const site = ctx.get('Sec-Fetch-Site');
  // "none": the user started it (typed the address, a bookmark), not a page.
  return !site || site === 'same-origin' || site === 'none';
}

/**
 * State-changing requests carry JSON, or the content type their route documents (`rawBody`,
 * e.g. the multipart upload). A cross-origin `<form>` or a `text/plain` fetch is a "simple"
 * request that skips CORS preflight: refusing those types closes that door even where the
 * Origin check cannot decide. Bodyless commands (claim, logout) need no content type.
 */
export function jsonBodiesOnly(rawBodyType: (method: string, path: string) => string | null) {
  return async (ctx: Context, next: Next) => {
    if (STATE_CHANGING.has(ctx.method) && hasBody(ctx)) {
      const allowed = rawBodyType(ctx.method, ctx.path) ?? 'application/json';
      if (!ctx.is(allowed)) throw errors.unsupportedMediaType(allowed);
    }
    await next();
  };
}

function hasBody(ctx: Context): boolean {
  return ctx.get('Transfer-Encoding') !== '' || Number(ctx.get('Content-Length') || 0) > 0;
}
