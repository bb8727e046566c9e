import { get, post, query } from './http.js';
import type { DossierComment, PostCommentBody } from '@server/dossiers/dossier-comments.schema.js';
import type {
  ControlSlip,
  DeadlineState,
  ExtendBody,
  SupplementRequestBody,
} from '@server/deadlines/deadlines.schema.js';
import type {
  DossierDetail,
  DossierListQuery,
  DossierPage,
  ReceiptSecret,
  ReceiveDossierBody,
  ReceivedDossier,
} from '@server/dossiers/dossiers.schema.js';

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export const receiveDossier = (body: ReceiveDossierBody) => post<ReceivedDossier>('/api/dossiers', body);
export const getDossier = (code: string) => get<DossierDetail>(path(code));
/** The current lookup secret, to reprint the receipt with: the same one the first receipt carries. */
export const reprintSecret = (code: string) => post<ReceiptSecret>(`${path(code)}/receipt`);
/** "Cấp mã tra cứu mới": a new secret, sent to the citizen; the old one stops working. */
export const reissueSecret = (code: string) => post<ReceiptSecret>(`${path(code)}/lookup-secret`);

export type DossierFilters = DossierListQuery;

export const searchDossiers = (filters: DossierFilters) =>
  get<DossierPage>(`/api/dossiers${query({ ...filters, overdue: filters.overdue || undefined })}`);

export const requestSupplement = (code: string, body: SupplementRequestBody) =>
  post<DeadlineState>(`${path(code)}/supplement-request`, body);
export const receiveSupplement = (code: string, note?: string) =>
  post<DeadlineState>(`${path(code)}/supplement`, note ? { note } : {});
export const extendDueDate = (code: string, body: ExtendBody) =>
  post<DeadlineState>(`${path(code)}/extend`, body);
export const getControlSlip = (code: string) => get<ControlSlip>(`${path(code)}/control-slip`);
/** Writes on the dossier's thread (at an open step when `taskId` is given); answers the thread. */
export const postComment = (code: string, body: PostCommentBody) =>
  post<DossierComment[]>(`${path(code)}/comments`, body);
