import type { AnyRoute } from './route.js';

const ErrorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

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
    responses.default = {
      description: 'Error',
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
      schemas: { Error: ErrorBody },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'motcua_sid' } },
    },
    paths,
  };
}
