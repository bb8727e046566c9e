import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: object; itemSchema?: object }> }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: a literal segment wins over a `{param}` one, as in the router. */
  parameters: number;
  operation: Operation;
}

/** The OpenAPI document of each server a test talks to, fetched once per base URL. */
const contracts = new Map<string, Promise<Route[]>>();
const validators = new Map<string, ValidateFunction>();

/**
 * Checks a 2xx JSON answer against the response schema its route declares in the server's
 * OpenAPI document; throws naming the route and what does not match. A JSON answer from a
 * route (or status) without a schema fails too: every route must declare what it answers.
 */
export async function checkAnswer(
  baseUrl: string,
  method: string,
  url: string,
  status: number,
  contentType: string,
  body: unknown,
): Promise<void> {
  if (status < 200 || status > 299 || !contentType.includes('json')) return;
  if (contentType.includes('x-ndjson')) return checkLines(baseUrl, method, url, status, body);
  const path = new URL(url, 'http://x').pathname;
  const route = (await routesOf(baseUrl)).find((r) => r.method === method && r.pattern.test(path));
  const name = `${method} ${route?.template ?? path} → ${status}`;
  if (!route) throw new Error(`${name}: answered JSON but the OpenAPI document has no such operation`);
  const schema = route.operation.responses[status]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${name}: answered JSON but declares no response schema for it`);
  const validate = validatorFor(`${name}`, schema);
  if (!validate(body)) {
    const problems = (validate.errors ?? [])
      .slice(0, 10)
      .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`${name}: the answer does not match its response schema:\n  ${problems.join('\n  ')}`);
  }
}

/** JSON lines: each line against the item schema its route declares. */
async function checkLines(baseUrl: string, method: string, url: string, status: number, body: unknown) {
  const path = new URL(url, 'http://x').pathname;
  const route = (await routesOf(baseUrl)).find((r) => r.method === method && r.pattern.test(path));
  const name = `${method} ${route?.template ?? path} → ${status}`;
  const schema = route?.operation.responses[status]?.content?.['application/x-ndjson']?.itemSchema;
  if (!schema) throw new Error(`${name}: answered JSON lines but declares no schema for a line`);
  const validate = validatorFor(`${name} line`, schema);
  const lines = String(body).split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    if (!validate(JSON.parse(line)))
      throw new Error(`${name}: line ${i + 1} does not match its schema: ${JSON.stringify(validate.errors)}`);
  }
}

function validatorFor(key: string, schema: object): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    // One ajv per schema: recursive schemas carry an $id, which one instance takes only once.
    validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

function routesOf(baseUrl: string): Promise<Route[]> {
  let routes = contracts.get(baseUrl);
  if (!routes) {
    routes = loadRoutes(baseUrl);
    routes.catch(() => contracts.delete(baseUrl));
    contracts.set(baseUrl, routes);
  }
  return routes;
}

async function loadRoutes(baseUrl: string): Promise<Route[]> {
  const res = await fetch(`${baseUrl}/api/openapi.json`);
  if (!res.ok) throw new Error(`GET ${baseUrl}/api/openapi.json answered ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths)
    .flatMap(([template, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`),
        parameters: (template.match(/\{/g) ?? []).length,
        operation,
      })),
    )
    .sort((a, b) => a.parameters - b.parameters);
}
