import { Type } from '@sinclair/typebox';

// A step's role is stored in the procedure's `steps` column: the roles sit below the Drizzle schema.
export const ROLES = ['admin', 'designer', 'receptionist', 'officer', 'leader', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
