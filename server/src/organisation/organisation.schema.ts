import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from '../core/roles.js';
import { NewPassword } from '../auth/auth.schema.js';
import { UuidParam } from '../http/params.schema.js';

export const UserParams = Type.Object({ id: UuidParam('user_not_found') });

const Code = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$', description: 'letters, digits, . _ -' });

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

export const UserSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(Type.String()),
  scopeAgencyCode: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
});

export const ResetPasswordBody = Type.Object({ password: NewPassword }, { additionalProperties: false });
