import type { Context, Next } from 'koa';
import { AppError, errors } from '../core/errors.js';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/**
 * The one catch point of a request: every error becomes `{ error: { code, message, details } }`.
 * Unexpected errors answer 500 without internals and are reported through `app.emit('error')`.
 */
export async function errorHandler(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw errors.routeNotFound(ctx.method, ctx.path);
  } catch (caught) {
    const err = toAppError(caught);
    ctx.status = err.status;
    ctx.set(err.headers);
    ctx.body = { error: { code: err.code, message: err.message, details: err.details } };
    if (err.status >= 500 && err.code !== 'not_implemented') ctx.app.emit('error', caught, ctx);
  }
}

/**
 * Mounted just before `router.allowedMethods()`: it answers 405 and 501 with a status and an
 * `Allow` header but no body, which would be the only answers outside the error shape.
 */
export async function methodErrorBodies(ctx: Context, next: Next): Promise<void> {
  await next();
  if (ctx.body !== undefined && ctx.body !== null) return;
  const allow = ctx.response.get('Allow');
  if (ctx.status === 405) throw errors.methodNotAllowed(ctx.method, allow);
  if (ctx.status === 501) throw errors.notImplemented(ctx.method, allow);
}

/** Errors from Koa or a library (http-errors) answer in the catalogue too. */
function toAppError(caught: unknown): AppError {
  if (caught instanceof AppError) return caught;
  const e = (caught ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode ?? 500;
  // One code for them all: each client error of our own has its catalogue code already.
  if (status >= 400 && status < 500 && e.expose) return errors.badRequest(e.message ?? 'Bad request');
  return errors.internal();
}
