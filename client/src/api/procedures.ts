import { get, request } from './http.js';
import type { Department, ProcedureDetail, ProcedureSummary } from './types.js';

export const listProcedures = () => get<ProcedureSummary[]>('/api/procedures');
export const getProcedure = (code: string) => get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`);
/** The version a dossier runs on, which need not be the current one. */
export const getProcedureVersion = (code: string, version: number) =>
  get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}/versions/${version}`);
export const getVersionBpmn = (code: string, version: number) =>
  request<string>('GET', `/api/procedures/${encodeURIComponent(code)}/versions/${version}/bpmn`, undefined, 'text');
export const listDepartments = () => get<Department[]>('/api/departments');
