import { get } from './http.js';
import type { FormSchema } from '@server/procedures/procedures.schema.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: FormSchema }> };
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
export async function requestSchema(method: 'post', path: string): Promise<FormSchema | null> {
  return (await openApi()).paths[path]?.[method]?.requestBody?.content['application/json']?.schema ?? null;
}
