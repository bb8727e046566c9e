import type { Context } from 'koa';
import type Router from '@koa/router';
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { notFoundCodeOf, validateBody, validateParams, validateQuery } from './validation.js';
import { errors, type ErrorCode } from '../core/errors.js';
import type { Role, SessionUser } from '../core/roles.js';

/** Who may call a route: anyone, any signed-in user, or users holding one of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

/**
 * Which dossiers a route may touch, declared next to its `access`. `none`: no dossier (or,
 * for the public lookup, one its secret opens); `listed`: it answers only rows inside the
 * caller's access scope; `{ dossier }`: the path parameter names one dossier — by its code, or
 * through one of its tasks or attachments (`:id`) — which is resolved in the caller's scope
 * before the body is read, so a dossier outside it answers 404 like one that does not exist.
 */
export type RouteScope = 'none' | 'listed' | { dossier: 'code' | 'task' | 'attachment' };

/** The dossier a `{ dossier }` route named, found in the caller's scope. */
export interface RouteDossier {
  id: string;
  code: string;
}

/** Resolves the dossier a route names within the user's scope (404 outside it); given by the app. */
export type DossierGate = (
  user: SessionUser,
  by: 'code' | 'task' | 'attachment',
  value: string,
) => Promise<RouteDossier>;

/** Appends a read of a dossier's personal data to the audit table; given by the app. */
export type PersonalDataAudit = (read: { userId: string; dossierId: string; route: string }) => Promise<void>;

/** The `responses` entry of a route that answers 204 (no body). */
export const NoContent = Type.Null({ description: 'no content' });

/** The signed-in user, for every route that is not public (`mountRoutes` has checked it). */
export type RouteUser<A extends Access> = A extends 'public' ? SessionUser | undefined : SessionUser;

type StaticOf<S, Otherwise> = S extends TSchema ? Static<S> : Otherwise;

export interface RouteInput<B, Q, P, U> {
  body: B;
  query: Q;
  /** The path parameters, checked against the route's `params` schema. */
  params: P;
  user: U;
  /** Set for `{ dossier }` routes: the dossier the path names, inside the caller's scope. */
  dossier: RouteDossier | undefined;
}

export interface RouteSpec<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  P extends TSchema | undefined = undefined,
  A extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: A;
  scope: RouteScope;
  /** The answer shows the applicant's ID number, phone, address or e-mail: every read is audited. */
  personalData?: boolean;
  body?: B;
  query?: Q;
  /**
   * One schema per `:name` of the path (see params.schema.ts): a value it refuses answers the
   * 404 its schema names. Required when the path has parameters.
   */
  params?: P;
  /**
   * Domain error codes the handler can answer, for the OpenAPI document; the generic ones (sign
   * in, role, scope, validation, body) follow from the rest of the spec.
   */
  errors?: readonly ErrorCode[];
  /**
   * Response schemas by status: the OpenAPI document shows them and the test client checks every
   * 2xx JSON answer against them. Required unless the route `produces` something else than JSON.
   */
  responses?: Record<number, TSchema>;
  /** A body that is not JSON (e.g. multipart uploads): the handler parses it; OpenAPI documents it. */
  rawBody?: { contentType: string; schema: object };
  /** Content type of a success response that is not JSON (PDF, XML, a file; JSON lines, each as `responses[200]`). */
  produces?: string;
  handler: (
    ctx: Context,
    input: RouteInput<
      StaticOf<B, undefined>,
      StaticOf<Q, undefined>,
      StaticOf<P, Record<string, never>>,
      RouteUser<A>
    >,
  ) => Promise<void> | void;
}

// Route specs are heterogeneous in their schemas; the registry only needs their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

export function defineRoute<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  P extends TSchema | undefined = undefined,
  A extends Access = Access,
>(spec: RouteSpec<B, Q, P, A>): AnyRoute {
  return spec as AnyRoute;
}

/** The `:name` segments of a route path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

export interface MountDeps {
  gate: DossierGate;
  audit: PersonalDataAudit;
}

/**
 * Mounts routes with their cross-cutting steps in order: authenticate → authorise → check the
 * path parameters → resolve the dossier in the caller's scope → validate → handler → audit a
 * personal-data read. The same specs produce the OpenAPI document, so the two cannot drift.
 */
export function mountRoutes(router: Router, routes: AnyRoute[], { gate, audit }: MountDeps): void {
  for (const spec of routes) {
    checkSpec(spec);
    router[spec.method](spec.path, async (ctx) => {
      const user = authorise(ctx, spec.access);
      const params = spec.params ? validateParams<Record<string, string>>(spec.params, ctx.params) : {};
      const dossier =
        typeof spec.scope === 'object' && user
          ? await resolveDossier(ctx, spec.scope.dossier, params, user, gate)
          : undefined;
      const body = spec.body ? validateBody(spec.body, ctx.request.body ?? {}) : undefined;
      const query = spec.query ? validateQuery(spec.query, ctx.query as Record<string, unknown>) : undefined;
      await spec.handler(ctx, { body, query, params, user, dossier });
      if (spec.personalData && dossier && user && ctx.status < 400) {
        await audit({
          userId: user.id,
          dossierId: dossier.id,
          route: `${spec.method.toUpperCase()} ${spec.path}`,
        });
      }
    });
  }
}

/** What a spec must say for its checks and its OpenAPI operation to be whole; refused at start-up. */
function checkSpec(spec: AnyRoute): void {
  const name = `${spec.method.toUpperCase()} ${spec.path}`;
  if (spec.personalData && typeof spec.scope !== 'object')
    throw new Error(`${name}: a personal-data route must name its dossier`);
  if (!spec.responses && !spec.produces) throw new Error(`${name}: declares no response schema`);
  const declared = Object.entries((spec.params as TObject | undefined)?.properties ?? {});
  const inPath = pathParameterNames(spec.path);
  if (
    declared
      .map(([key]) => key)
      .sort()
      .join() !== [...inPath].sort().join()
  )
    throw new Error(`${name}: params must describe exactly the path parameters ${inPath.join(', ')}`);
  for (const [key, schema] of declared)
    if (!notFoundCodeOf(schema)) throw new Error(`${name}: path parameter ${key} names no x-not-found code`);
}

function resolveDossier(
  ctx: Context,
  by: 'code' | 'task' | 'attachment',
  params: Record<string, string>,
  user: SessionUser,
  gate: DossierGate,
) {
  const value = by === 'code' ? params.code : params.id;
  if (value === undefined)
    throw new Error(`route ${ctx.method} ${ctx.path} declares a dossier but has no parameter for it`);
  return gate(user, by, value);
}

/** The caller, once their access is checked: present for every route that is not public. */
function authorise(ctx: Context, access: Access): SessionUser | undefined {
  const user = ctx.state.user as SessionUser | undefined;
  if (access === 'public') return user;
  if (!user) throw errors.unauthenticated();
  if (access === 'signed-in') return user;
  if (!access.some((role) => user.roles.includes(role))) {
    throw errors.forbidden(`This needs one of the roles: ${access.join(', ')}`);
  }
  return user;
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
