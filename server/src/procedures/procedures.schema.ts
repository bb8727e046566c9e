import { Type } from '@sinclair/typebox';

const MAX_BPMN_CHARS = 2_000_000;

export const ProcedureCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,80}$', description: 'kebab-case code' });

const VersionFields = {
  bpmn: Type.String({ minLength: 1, maxLength: MAX_BPMN_CHARS, description: 'BPMN 2.0 XML' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  durationDays: Type.Integer({ minimum: 0, maximum: 365, description: 'legal duration in working days' }),
  formSchema: Type.Object({}, { additionalProperties: true, description: 'JSON Schema of the dossier data' }),
  metadata: Type.Optional(Type.Object({}, { additionalProperties: true })),
};

export const CreateProcedureBody = Type.Object(
  { code: ProcedureCode, ...VersionFields },
  { additionalProperties: false },
);

export const CreateVersionBody = Type.Object(
  {
    bpmn: VersionFields.bpmn,
    name: Type.Optional(VersionFields.name),
    durationDays: Type.Optional(VersionFields.durationDays),
    formSchema: Type.Optional(VersionFields.formSchema),
    metadata: VersionFields.metadata,
  },
  { additionalProperties: false },
);

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  currentVersion: Type.Integer(),
  durationDays: Type.Integer(),
});

export const ProcedureDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  currentVersion: Type.Integer(),
  durationDays: Type.Integer(),
  formSchema: Type.Unknown(),
  metadata: Type.Unknown(),
  steps: Type.Unknown(),
});

export const VersionSummary = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  durationDays: Type.Integer(),
  checksum: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
