import { Type, type Static } from '@sinclair/typebox';

/** One deployed version as the admin console lists it: when, and by whom when that was stored. */
export const AdminVersion = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  deployedBy: Type.Union([Type.Object({ username: Type.String(), fullName: Type.String() }), Type.Null()], {
    description: 'null for versions the catalogue sync deployed at start-up',
  }),
});

export const AdminProcedure = Type.Object({
  code: Type.String(),
  name: Type.String(),
  enabled: Type.Boolean(),
  currentVersion: Type.Integer(),
  versions: Type.Array(AdminVersion, { description: 'newest first' }),
});
export type AdminProcedure = Static<typeof AdminProcedure>;

export const ProcedureSwitchBody = Type.Object(
  { enabled: Type.Boolean({ description: 'false: no new dossiers; running ones finish' }) },
  { additionalProperties: false },
);
