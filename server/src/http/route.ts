import type { Context } from 'koa';
import type Router from '@koa/router';
import type { Static, TSchema } from '@sinclair/typebox';
import { validateBody, validateQuery } from './validation.js';
import { errors } from './errors.js';
import type { Role, SessionUser } from '../auth/roles.js';

/** Who may call a route: anyone, any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
}

export interface RouteSpec<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
> {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  /** Response schemas by status, for the OpenAPI document. */
  responses?: Record<number, TSchema>;
  /** A body that is not JSON (e.g. multipart uploads): the handler parses it; OpenAPI documents it. */
  rawBody?: { contentType: string; schema: object };
  /** Content type of a success response that is not JSON (PDF, XML, a file). */
  produces?: string;
  handler: (
    ctx: Context,
    input: RouteInput<B extends TSchema ? Static<B> : undefined, Q extends TSchema ? Static<Q> : undefined>,
  ) => Promise<void> | void;
}

// Route specs are heterogeneous in their schemas; the registry only needs their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any>;

export function defineRoute<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
>(spec: RouteSpec<B, Q>): AnyRoute {
  return spec as AnyRoute;
}

/**
 * Mounts routes with their cross-cutting steps in order: authenticate → authorise → validate
 * → handler. The same specs produce the OpenAPI document, so the two cannot drift.
 */
export function mountRoutes(router: Router, routes: AnyRoute[]): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (ctx) => {
      authorise(ctx, spec.access);
      const body = spec.body ? validateBody(spec.body, ctx.request.body ?? {}) : undefined;
      const query = spec.query ? validateQuery(spec.query, ctx.query as Record<string, unknown>) : undefined;
      await spec.handler(ctx, { body, query, params: ctx.params });
    });
  }
}

function authorise(ctx: Context, access: Access): void {
  if (access === 'public') return;
  const user = ctx.state.user as SessionUser | undefined;
  if (!user) throw errors.unauthenticated();
  if (access === 'signed-in') return;
  if (!access.some((role) => user.roles.includes(role))) {
    throw errors.forbidden(`This needs one of the roles: ${access.join(', ')}`);
  }
}

/**
 * The content type a route documents for a body that is not JSON (`rawBody`), by method and
 * request path; null when the route takes JSON (or there is no such route).
 */
export function rawBodyTypes(routes: AnyRoute[]): (method: string, path: string) => string | null {
  // Route paths here have plain `:name` segments only, so a segment pattern matches as the router does.
  const raw = routes
    .filter((spec) => spec.rawBody)
    .map((spec) => ({
      method: spec.method.toUpperCase(),
      pattern: new RegExp(`^${spec.path.replace(/:[A-Za-z]\w*/g, '[^/]+')}/?$`),
      contentType: spec.rawBody!.contentType,
    }));
  return (method, path) => raw.find((r) => r.method === method && r.pattern.test(path))?.contentType ?? null;
}
