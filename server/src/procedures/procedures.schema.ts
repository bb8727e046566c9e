import { Type, type Static } from '@sinclair/typebox';
import { KeyParam, SerialParam } from '../http/params.schema.js';
import {
  DurationUnit,
  FormSchema,
  ProcedureMetadata,
  ProcedureSteps,
} from '../db/procedure-content.schema.js';

export * from '../db/procedure-content.schema.js';

const MAX_BPMN_CHARS = 2_000_000;

export const ProcedureCode = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{1,80}$',
  description: 'kebab-case code',
});

export const ProcedureParams = Type.Object({ code: KeyParam('procedure_not_found', ProcedureCode.pattern!) });

export const ProcedureVersionParams = Type.Object({
  code: ProcedureParams.properties.code,
  version: SerialParam('procedure_not_found', { maximum: 999_999 }),
});

/** A step of a version: the id of its start event, user task or message catch event. */
export const StepValidatorParams = Type.Object({
  ...ProcedureVersionParams.properties,
  step: KeyParam('procedure_not_found', '^[A-Za-z_][A-Za-z0-9_.-]{0,127}$'),
});

export const StepValidatorQuery = Type.Object({
  outcome: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_.-]{1,64}$',
      description: 'the outcome chosen: its required fields apply',
    }),
  ),
});

export const Cutoff = Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()], {
  description: 'local HH:mm after which a receipt counts from the next working day',
});

const VersionFields = {
  bpmn: Type.String({ minLength: 1, maxLength: MAX_BPMN_CHARS, description: 'BPMN 2.0 XML' }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  duration: Type.Integer({ minimum: 0, maximum: 3000, description: 'legal duration, in durationUnit' }),
  durationUnit: Type.Optional(DurationUnit),
  cutoff: Type.Optional(Cutoff),
  formSchema: Type.Object({}, { additionalProperties: true, description: 'JSON Schema of the dossier data' }),
  metadata: Type.Optional(ProcedureMetadata),
};

export const CreateProcedureBody = Type.Object(
  { code: ProcedureCode, ...VersionFields },
  { additionalProperties: false },
);

export const CreateVersionBody = Type.Object(
  {
    bpmn: VersionFields.bpmn,
    name: Type.Optional(VersionFields.name),
    duration: Type.Optional(VersionFields.duration),
    durationUnit: VersionFields.durationUnit,
    cutoff: VersionFields.cutoff,
    formSchema: Type.Optional(VersionFields.formSchema),
    metadata: VersionFields.metadata,
  },
  { additionalProperties: false },
);

const ProcedureFacts = {
  code: Type.String(),
  name: Type.String(),
  currentVersion: Type.Integer(),
  duration: Type.Integer(),
  durationUnit: DurationUnit,
  cutoff: Type.Union([Type.String(), Type.Null()]),
};

export const ProcedureSummary = Type.Object({
  ...ProcedureFacts,
  enabled: Type.Boolean({ description: 'false: an admin disabled it; the desk takes no new dossiers of it' }),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureDetail = Type.Object({
  ...ProcedureFacts,
  formSchema: FormSchema,
  metadata: ProcedureMetadata,
  steps: ProcedureSteps,
});
export type ProcedureDetail = Static<typeof ProcedureDetail>;

/** A deploy's answer: the version, and what the designer should look at though it deployed. */
export const DeployedVersion = Type.Object({
  ...ProcedureDetail.properties,
  warnings: Type.Array(
    Type.Object({ elementId: Type.Union([Type.String(), Type.Null()]), message: Type.String() }),
    { description: 'e.g. a user task without mc:editableFields, which then changes no field' },
  ),
});
export type DeployedVersion = Static<typeof DeployedVersion>;

export const VersionSummary = Type.Object({
  version: Type.Integer(),
  name: Type.String(),
  duration: Type.Integer(),
  durationUnit: DurationUnit,
  cutoff: Type.Union([Type.String(), Type.Null()]),
  checksum: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type VersionSummary = Static<typeof VersionSummary>;
