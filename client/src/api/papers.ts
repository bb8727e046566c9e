import { get, request } from './http.js';
import type { PaperKind, Papers } from '@server/papers/papers.schema.js';

const path = (kind: PaperKind, code: string) => `/api/dossiers/${encodeURIComponent(code)}/papers/${kind}`;

/** What a standard paper (supplement request, refusal, apology) prints. */
export const getPaper = <K extends PaperKind>(kind: K, code: string) => get<Papers[K]>(path(kind, code));
export const paperPdf = (kind: PaperKind, code: string) =>
  request<Blob>('GET', `${path(kind, code)}/pdf`, undefined, 'blob');

/** The PDF's file name, as the server names it. */
export const PAPER_FILES: Record<PaperKind, string> = {
  'supplement-request': 'phieu-yeu-cau-bo-sung',
  refusal: 'phieu-tu-choi',
  apology: 'phieu-xin-loi',
};
