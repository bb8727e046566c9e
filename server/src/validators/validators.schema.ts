import { Type } from '@sinclair/typebox';
import { KeyParam } from '../http/params.schema.js';

export const ValidatorParams = Type.Object({
  name: KeyParam('validator_not_found', '^[a-z][a-z0-9-]{0,60}$'),
});
