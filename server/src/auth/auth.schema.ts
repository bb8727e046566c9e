import { Type } from '@sinclair/typebox';
import { MIN_PASSWORD_LENGTH } from '../core/password-policy.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** A password being set: the length here, the list of common passwords in password-policy.ts. */
export const NewPassword = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: 200,
  description: `at least ${MIN_PASSWORD_LENGTH} characters, not a common password, not containing the username`,
});

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: NewPassword,
  },
  { additionalProperties: false },
);
