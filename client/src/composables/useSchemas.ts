import { ref } from 'vue';
import { requestSchema } from '../api/openapi.js';
import type { FormSchema } from '@server/procedures/procedures.schema.js';

/**
 * One property's schema of an API request body, from the server's OpenAPI document, so that
 * browser and server check the same rules (e.g. the applicant at the desk).
 */
export function useRequestSchema(method: 'post', path: string, property: string) {
  const schema = ref<FormSchema | null>(null);
  void requestSchema(method, path).then((body) => {
    schema.value = body?.properties?.[property] ?? null;
  });
  return schema;
}
