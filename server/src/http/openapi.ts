import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import type { AnyRoute } from './route.js';
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

/** The OpenAPI 3.1 document, built from the same route specs that are mounted, so it stays true. */
export function buildOpenApi(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = route.query
      ? Object.entries((route.query as { properties: Record<string, unknown> }).properties).map(
          ([name, schema]) => ({
            name,
            in: 'query',
            required: ((route.query as { required?: string[] }).required ?? []).includes(name),
            schema,
          }),
        )
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(route.responses ?? { 200: {} })) {
      responses[status] = { description: 'Success', content: { 'application/json': { schema } } };
    }
    if (route.produces) {
      responses[200] = {
        description: 'Success',
        content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } },
      };
    }
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
      parameters: [...params, ...query],
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
