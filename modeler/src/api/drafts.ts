import { get, post, request } from '../../../client/src/api/http.js';
import type { DraftContent, Draft, DraftSummary, SavedDraft } from '@server/drafts/drafts.schema.js';
import type { DeployedVersion } from '@server/procedures/procedures.schema.js';

const path = (code: string) => `/api/drafts/${encodeURIComponent(code)}`;

export const listDrafts = () => get<DraftSummary[]>('/api/drafts');
export const getDraft = (code: string) => get<Draft>(path(code));
/** Saves over `revision` (0: begins the draft); a 409 `draft_conflict` names who saved since. */
export const saveDraft = (code: string, revision: number, content: DraftContent) =>
  request<SavedDraft>('PUT', path(code), { revision, content });
export const deployDraft = (code: string, revision: number) =>
  post<DeployedVersion>(`${path(code)}/deploy`, { revision });
