import { get, query } from './http.js';
import type { LookupResult } from '@server/dossiers/lookup.schema.js';

/** The citizen lookup: a dossier's progress by its code and the secret printed on the receipt. */
export const lookup = (code: string, secret: string) =>
  get<LookupResult>(`/api/public/lookup${query({ code, secret })}`);
