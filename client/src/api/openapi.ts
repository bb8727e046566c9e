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

/** The JSON request schema of an operation: the client validates with what the server validates with. */
export async function requestSchema(method: 'post', path: string): Promise<JsonSchema | null> {
  return (await openApi()).paths[path]?.[method]?.requestBody?.content['application/json']?.schema ?? null;
}
