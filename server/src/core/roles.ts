import { Type, type Static } from '@sinclair/typebox';

import { RoleSchema } from '../db/roles.schema.js';

export { ROLES, RoleSchema, type Role } from '../db/roles.schema.js';

/** The signed-in user as every request sees it. */
export const SessionUserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), agencyCode: Type.String() }),
  ),
  agencies: Type.Array(Type.String(), {
    description:
      "Agencies whose every dossier this user sees: their departments' agencies, and for leaders and supervisors the subtree below them (or below the agency they were given)",
  }),
});
export type SessionUser = Static<typeof SessionUserSchema>;
