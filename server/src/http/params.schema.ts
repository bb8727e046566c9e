import { Type, type StringOptions, type IntegerOptions } from '@sinclair/typebox';
import type { NotFoundCode } from './validation.js';

/**
 * Path parameters: each schema names the catalogue code a malformed value answers (404), so
 * an id that cannot exist looks like one that does not. `mountRoutes` refuses a parameter
 * without one.
 */
const notFound = (code: NotFoundCode) => ({ 'x-not-found': code });

// ajv-formats' `uuid` also takes a `urn:uuid:` prefix, which PostgreSQL's uuid type refuses.
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A row id that is a UUID. */
export const UuidParam = (code: NotFoundCode, options: StringOptions = {}) =>
  Type.String({ format: 'uuid', pattern: UUID_PATTERN, ...options, ...notFound(code) });

/** A serial row id: a positive 32-bit integer (path parameters are coerced from text). */
export const SerialParam = (code: NotFoundCode, options: IntegerOptions = {}) =>
  Type.Integer({ minimum: 1, maximum: 2_147_483_647, ...options, ...notFound(code) });

/** A text key (a code, a name) matching `pattern`. */
export const KeyParam = (code: NotFoundCode, pattern: string, options: StringOptions = {}) =>
  Type.String({ pattern, ...options, ...notFound(code) });
