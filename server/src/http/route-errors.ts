import { ERROR_CODES, statusOf, type ErrorCode } from '../core/errors.js';
import type { TObject } from '@sinclair/typebox';
import type { AnyRoute } from './route.js';
import { notFoundCodeOf } from './validation.js';

const NOT_FOUND_BY_SCOPE = {
  code: 'dossier_not_found',
  task: 'task_not_found',
  attachment: 'attachment_not_found',
} as const satisfies Record<string, ErrorCode>;

/**
 * The codes a route can answer: those its spec implies (the steps `mountRoutes` and the app's
 * middleware run for it) and the domain ones it declares in `errors`. `internal` is left out:
 * any route can answer it, and the document says so once, in `default`.
 */
export function routeErrorCodes(route: AnyRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>(implied(route));
  for (const code of route.errors ?? []) codes.add(code);
  // Catalogue order, so the document reads the same on every build.
  return ERROR_CODES.filter((code) => codes.has(code));
}

function implied(route: AnyRoute): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (route.access !== 'public') codes.push('unauthenticated');
  if (Array.isArray(route.access)) codes.push('forbidden');
  if (typeof route.scope === 'object') codes.push(NOT_FOUND_BY_SCOPE[route.scope.dossier]);
  // A malformed path parameter answers the 404 its schema names.
  for (const schema of Object.values((route.params as TObject | undefined)?.properties ?? {})) {
    const code = notFoundCodeOf(schema);
    if (code) codes.push(code);
  }
  // Path parameters are checked for strings the database cannot store, bodies and queries by schema.
  if (route.body || route.query || route.params) codes.push('validation_failed');
  if (route.method !== 'get') {
    codes.push('cross_site_request', 'unsupported_media_type', 'payload_too_large');
    if (!route.rawBody) codes.push('invalid_json');
  }
  if (route.path.startsWith('/api/public/')) codes.push('rate_limited');
  return codes;
}

/** The codes of a route grouped by the status they answer, for the operation's `responses`. */
export function errorCodesByStatus(route: AnyRoute): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of routeErrorCodes(route)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}
