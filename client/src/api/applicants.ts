import { get, query } from './http.js';
import type { KnownApplicant } from '@server/applicants/applicants.schema.js';

/** The applicant details last received with this ID number in the desk's scope (404 applicant_not_found). */
export const findKnownApplicant = (idNumber: string) =>
  get<KnownApplicant>(`/api/applicants${query({ idNumber })}`);
