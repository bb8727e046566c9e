import type { Context, Next } from 'koa';
import { AppError } from './errors.js';

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
    if (ctx.status === 404 && ctx.body === undefined) {
      throw new AppError(404, 'route_not_found', `No route for ${ctx.method} ${ctx.path}`);
    }
  } catch (caught) {
    const err = toAppError(caught);
    ctx.status = err.status;
    ctx.set(err.headers);
    ctx.body = { error: { code: err.code, message: err.message, details: err.details } };
    if (err.status >= 500) ctx.app.emit('error', caught, ctx);
  }
}

function toAppError(caught: unknown): AppError {
  if (caught instanceof AppError) return caught;
  const e = (caught ?? {}) as HttpLikeError;
  const status = e.status ?? e.statusCode ?? 500;
  if (status >= 400 && status < 500 && e.expose)
    return new AppError(status, 'bad_request', e.message ?? 'Bad request');
  return new AppError(500, 'internal', 'Internal server error');
}
