import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { KnownApplicant, KnownApplicantQuery } from './applicants.schema.js';
import { findKnownApplicant } from './applicants.service.js';

export function applicantRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/applicants',
      summary:
        'The applicant details last received with an ID number, from dossiers in the caller’s scope (each answer is an audited personal-data read)',
      tag: 'applicants',
      access: ['receptionist'],
      scope: 'listed',
      errors: ['applicant_not_found'],
      query: KnownApplicantQuery,
      responses: { 200: KnownApplicant },
      handler: async (ctx, { query, user }) => {
        ctx.body = await findKnownApplicant(db, user, query.idNumber);
      },
    }),
  ];
}
