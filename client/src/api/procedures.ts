import { get, request } from './http.js';
import type { Department } from '@server/organisation/organisation.schema.js';
import type {
  ProcedureDetail,
  ProcedureSummary,
  VersionSummary,
} from '@server/procedures/procedures.schema.js';

export const listProcedures = () => get<ProcedureSummary[]>('/api/procedures');
export const getProcedure = (code: string) =>
  get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}`);
/** The version a dossier runs on, which need not be the current one. */
export const getProcedureVersion = (code: string, version: number) =>
  get<ProcedureDetail>(`/api/procedures/${encodeURIComponent(code)}/versions/${version}`);
export const getVersionBpmn = (code: string, version: number) =>
  request<string>(
    'GET',
    `/api/procedures/${encodeURIComponent(code)}/versions/${version}/bpmn`,
    undefined,
    'text',
  );
export const listDepartments = () => get<Department[]>('/api/departments');
/**
 * The module that validates dossier data as one step of a version checks it (see useValidation):
 * the intake, a user task, with the fields the chosen outcome requires.
 */
export const stepValidatorUrl = (
  procedure: { code: string; currentVersion: number },
  step: string,
  outcome?: string,
) =>
  `/api/procedures/${encodeURIComponent(procedure.code)}/versions/${procedure.currentVersion}/steps/${encodeURIComponent(step)}/validator.js` +
  (outcome ? `?outcome=${encodeURIComponent(outcome)}` : '');
/** The module that validates one of the API's request schemas by name, e.g. `applicant`. */
export const requestValidatorUrl = (name: 'applicant' | 'form-schema') => `/api/validators/${name}.js`;
export const listVersions = (code: string) =>
  get<VersionSummary[]>(`/api/procedures/${encodeURIComponent(code)}/versions`);
