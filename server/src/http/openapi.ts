import { Type, type TObject } from '@sinclair/typebox';
import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { pathParameterNames, type AnyRoute } from './route.js';
import { errorCodesByStatus } from './route-errors.js';

/** The error shape with `code` limited to `codes`: the whole catalogue, or one status of a route. */
function errorBody(codes: readonly ErrorCode[]) {
  return {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: { code: { type: 'string', enum: [...codes] }, message: { type: 'string' }, details: {} },
      },
    },
  };
}

/** One response per status a route can fail with, its codes listed in the schema and `x-error-codes`. */
function errorResponses(route: AnyRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of errorCodesByStatus(route)) {
    responses[status] = {
      description: codes.join(', '),
      'x-error-codes': codes,
      content: { 'application/json': { schema: errorBody(codes) } },
    };
  }
  return responses;
}

/** The path parameters of an operation, each with the schema `mountRoutes` checks it against. */
function pathParameters(route: AnyRoute) {
  const properties = (route.params as TObject | undefined)?.properties ?? {};
  return pathParameterNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
}

function queryParameters(route: AnyRoute) {
  if (!route.query) return [];
  const { properties, required = [] } = route.query as TObject;
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema,
  }));
}

export const JSON_LINES = 'application/x-ndjson';

/**
 * Success answers: JSON with its schema, a 204 without content, JSON lines each as the 200
 * schema says, or the file a route `produces`.
 */
function successResponses(route: AnyRoute): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(route.responses ?? {})) {
    responses[status] =
      status === '204'
        ? { description: 'No content' }
        : { description: 'Success', content: { 'application/json': { schema } } };
  }
  if (route.produces === JSON_LINES) {
    // One JSON document per line, each as the 200 schema says (OpenAPI 3.2's sequential media types).
    responses[200] = {
      description: 'Success: one JSON document per line',
      content: { [JSON_LINES]: { itemSchema: route.responses?.[200] } },
    };
  } else if (route.produces) {
    responses[200] = {
      description: 'Success',
      content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } },
    };
  }
  return responses;
}

/** The OpenAPI 3.1 document, built from the same route specs that are mounted, so it stays true. */
export function buildOpenApi(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const responses = successResponses(route);
    Object.assign(responses, errorResponses(route));
    responses.default = {
      description: 'Any other error (internal)',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.access === 'public' ? [] : [{ session: [] }],
      ...(Array.isArray(route.access) ? { 'x-roles': route.access } : {}),
      'x-scope': route.scope,
      ...(route.personalData ? { 'x-personal-data': true } : {}),
      parameters: [...pathParameters(route), ...queryParameters(route)],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
        : {}),
      ...(route.rawBody
        ? {
            requestBody: {
              required: true,
              content: { [route.rawBody.contentType]: { schema: route.rawBody.schema } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Một cửa điện tử API',
      version: '0.1.0',
      description: 'Electronic one-stop shop for administrative procedures',
    },
    components: {
      schemas: { Error: errorBody(ERROR_CODES) },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_sid' } },
    },
    paths,
  };
}

/** The shape of the document itself, for its own route's `responses`. */
export const OpenApiDocument = Type.Object({
  openapi: Type.Literal('3.1.0'),
  info: Type.Object({ title: Type.String(), version: Type.String(), description: Type.String() }),
  components: Type.Object({
    schemas: Type.Record(Type.String(), Type.Unknown()),
    securitySchemes: Type.Unknown(),
  }),
  paths: Type.Record(Type.String(), Type.Record(Type.String(), Type.Object({ summary: Type.String() }))),
});
