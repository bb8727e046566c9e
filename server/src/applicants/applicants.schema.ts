import { Type, type Static } from '@sinclair/typebox';
import { Applicant } from '../db/dossier-content.schema.js';

export const KnownApplicantQuery = Type.Object(
  { idNumber: Applicant.properties.idNumber },
  { additionalProperties: false },
);
export type KnownApplicantQuery = Static<typeof KnownApplicantQuery>;

/** The applicant as last received with an ID number, and the dossier the details come from. */
export const KnownApplicant = Type.Object(
  {
    applicant: Applicant,
    fromDossier: Type.Object(
      { code: Type.String(), receivedAt: Type.String({ format: 'date-time' }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type KnownApplicant = Static<typeof KnownApplicant>;
