import { get, post, query } from './http.js';
import type { ControlSlip, DossierDetail, DossierSummary, LookupResult, Page, ReceiveDossierBody, ReceivedDossier } from './types.js';

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

export const receiveDossier = (body: ReceiveDossierBody) => post<ReceivedDossier>('/api/dossiers', body);
export const getDossier = (code: string) => get<DossierDetail>(path(code));
export const rotateSecret = (code: string) => post<{ code: string; lookupSecret: string }>(`${path(code)}/receipt`);
export const lookup = (code: string, secret: string) => get<LookupResult>(`/api/public/lookup${query({ code, secret })}`);

export interface DossierFilters {
  q?: string;
  status?: number;
  procedure?: string;
  department?: string;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export const searchDossiers = (filters: DossierFilters) =>
  get<Page<DossierSummary>>(`/api/dossiers${query({ ...filters, overdue: filters.overdue || undefined })}`);

/** The dossier's clock after a deadline action. */
export interface DeadlineState {
  code: string;
  status: number;
  dueAt: string;
  originalDueAt: string;
  pausedAt: string | null;
}

export const requestSupplement = (code: string, body: { reasons: string[]; items: string[] }) =>
  post<DeadlineState>(`${path(code)}/supplement-request`, body);
export const receiveSupplement = (code: string, note?: string) => post<DeadlineState>(`${path(code)}/supplement`, note ? { note } : {});
export const extendDueDate = (code: string, body: { newDueAt: string; reason: string }) => post<DeadlineState>(`${path(code)}/extend`, body);
export const getControlSlip = (code: string) => get<ControlSlip>(`${path(code)}/control-slip`);
