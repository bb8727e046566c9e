import { Type, type Static } from '@sinclair/typebox';

export const ROLES = ['admin', 'designer', 'receptionist', 'officer', 'leader', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

/** The signed-in user as every request sees it. */
export const SessionUserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), agencyCode: Type.String() }),
  ),
});
export type SessionUser = Static<typeof SessionUserSchema>;

export function hasRole(user: SessionUser, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
