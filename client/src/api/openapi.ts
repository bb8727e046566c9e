import { get } from './http.js';
import type { JsonSchema } from './types.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

let cached: Promise<OpenApi> | null = null;

/** The server's OpenAPI document, fetched once. */
function openApi(): Promise<OpenApi> {
  cached ??= get<OpenApi>('/api/openapi.json').catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/**
 * Whether the server offers an operation (`path` in OpenAPI form, `{code}`): actions whose
 * endpoints are not deployed yet stay hidden instead of failing when clicked.
 */
export async function hasOperation(method: 'get' | 'post', path: string): Promise<boolean> {
  return Boolean((await openApi()).paths[path]?.[method]);
}

/** The JSON request schema of an operation: the client validates with what the server validates with. */
export async function requestSchema(method: 'post', path: string): Promise<JsonSchema | null> {
  return (await openApi()).paths[path]?.[method]?.requestBody?.content['application/json']?.schema ?? null;
}
