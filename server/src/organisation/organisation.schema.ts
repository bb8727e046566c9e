import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from '../core/roles.js';
import { NewPassword } from '../auth/auth.schema.js';
import { KeyParam, UuidParam } from '../http/params.schema.js';

export const UserParams = Type.Object({ id: UuidParam('user_not_found') });

const CODE_PATTERN = '^[A-Za-z0-9_.-]{1,40}$';
const Code = Type.String({ pattern: CODE_PATTERN, description: 'letters, digits, . _ -' });
const Name = Type.String({ minLength: 1, maxLength: 200 });

export const AgencyParams = Type.Object({ code: KeyParam('agency_not_found', CODE_PATTERN) });
export const DepartmentParams = Type.Object({ code: KeyParam('department_not_found', CODE_PATTERN) });

/** A new name for an agency or a department; codes stay, since dossier codes and rows carry them. */
export const RenameBody = Type.Object({ name: Name }, { additionalProperties: false });

export const DepartmentBody = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    agencyCode: Code,
    agencyName: Type.Optional(Type.String({ maxLength: 200 })),
    parentCode: Type.Optional(Code),
  },
  { additionalProperties: false },
);

export const DepartmentSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  agencyCode: Type.String(),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type Department = Static<typeof DepartmentSchema>;

export const UserBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9_.-]{2,50}$' }),
    password: NewPassword,
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, uniqueItems: true }),
    departments: Type.Array(Code, { uniqueItems: true, default: [] }),
    scopeAgencyCode: Type.Optional(Code),
  },
  {
    additionalProperties: false,
    description: 'scopeAgencyCode: for a leader or supervisor, the agency whose whole subtree they oversee',
  },
);

export const AgencyBody = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    parentCode: Type.Optional(Code),
  },
  { additionalProperties: false },
);

export const AgencySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type Agency = Static<typeof AgencySchema>;

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(Type.String()),
  scopeAgencyCode: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});
export type User = Static<typeof UserSchema>;

/**
 * What an admin changes of a user; fields left out stay. Sessions end when roles or departments
 * are taken away (see updateUser).
 */
export const UserPatchBody = Type.Object(
  {
    fullName: Type.Optional(Name),
    roles: Type.Optional(UserBody.properties.roles),
    departments: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    scopeAgencyCode: Type.Optional(Type.Union([Code, Type.Null()])),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatchBody>;

export const ResetPasswordBody = Type.Object({ password: NewPassword }, { additionalProperties: false });
