import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from '../auth/roles.js';
import { KeyParam, SerialParam } from '../http/params.schema.js';

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

/** Working days (8 working hours each) or working hours: the one spelling of a duration's unit. */
export const DURATION_UNITS = ['days', 'hours'] as const;
export const DurationUnit = Type.Union(
  DURATION_UNITS.map((unit) => Type.Literal(unit)),
  { description: 'working days (8 working hours each) or working hours; default days' },
);
export type DurationUnit = Static<typeof DurationUnit>;

export const Cutoff = Type.Union([Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), Type.Null()], {
  description: 'local HH:mm after which a receipt counts from the next working day',
});

/** A paper the desk checks at intake, as `processes/_schema/procedure.schema.json` describes it. */
export const RequiredDocument = Type.Object({
  name: Type.String(),
  originals: Type.Integer({ minimum: 0 }),
  copies: Type.Integer({ minimum: 0 }),
  optional: Type.Optional(Type.Boolean()),
  note: Type.Optional(Type.String()),
});

/** `procedure.json` beside the diagram: what the desk and the reports read, and more. */
export const ProcedureMetadata = Type.Object(
  { documents: Type.Optional(Type.Array(RequiredDocument)) },
  { additionalProperties: true },
);
export type ProcedureMetadata = Static<typeof ProcedureMetadata>;

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

export const ProcedureSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  currentVersion: Type.Integer(),
  duration: Type.Integer(),
  durationUnit: DurationUnit,
  cutoff: Type.Union([Type.String(), Type.Null()]),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

/** The JSON Schema of a dossier's data, as far as the client reads it to draw a form. */
export const FormSchema = Type.Recursive(
  (This) =>
    Type.Object(
      {
        type: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
        title: Type.Optional(Type.String()),
        description: Type.Optional(Type.String()),
        properties: Type.Optional(Type.Record(Type.String(), This)),
        required: Type.Optional(Type.Array(Type.String())),
        enum: Type.Optional(Type.Array(Type.Unknown())),
        format: Type.Optional(Type.String()),
        maxLength: Type.Optional(Type.Integer()),
        'ui:order': Type.Optional(Type.Array(Type.String())),
        propertyOrder: Type.Optional(Type.Array(Type.String())),
      },
      { additionalProperties: true },
    ),
  { $id: 'FormSchema' },
);
export type FormSchema = Static<typeof FormSchema>;

/** A step's own deadline, from its boundary timer or `mc:budget`. */
export const StepBudget = Type.Object({ amount: Type.Number({ minimum: 0 }), unit: DurationUnit });
export type StepBudget = Static<typeof StepBudget>;

/** What the runtime needs to know of one user task, read from the diagram once at deploy. */
export const StepSpec = Type.Object({
  id: Type.String(),
  name: Type.String(),
  departments: Type.Array(Type.String()),
  role: Type.Union([RoleSchema, Type.Null()]),
  outcomes: Type.Array(Type.String()),
  editableFields: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'fields the step may change; null (no mc:editableFields) and [] both mean none',
  }),
  budget: Type.Union([StepBudget, Type.Null()]),
  status: Type.Union([Type.Integer(), Type.Null()], {
    description: 'national status code the dossier takes while this step waits',
  }),
});
export type StepSpec = Static<typeof StepSpec>;

/** A message catch event: the dossier waits there for a message from another agency. */
export const MessageWait = Type.Object({
  id: Type.String(),
  name: Type.String(),
  message: Type.String({ description: 'the bpmn:Message name a POST /api/dossiers/:code/messages carries' }),
  departments: Type.Array(Type.String(), { description: 'who may deliver it; empty: any officer' }),
});
export type MessageWait = Static<typeof MessageWait>;

/** The steps of a version, read from its diagram at deploy (the `steps` column). */
export const ProcedureSteps = Type.Object({
  userTasks: Type.Record(Type.String(), StepSpec),
  hasTimers: Type.Optional(Type.Boolean({ description: 'absent in versions deployed before it was noted' })),
  eventStatuses: Type.Record(Type.String(), Type.Integer(), {
    description: 'status a dossier takes at an end or catch event (e.g. 3 refused, 10 returned)',
  }),
  messageEvents: Type.Optional(Type.Record(Type.String(), MessageWait)),
});
export type ProcedureSteps = Static<typeof ProcedureSteps>;

export const ProcedureDetail = Type.Object({
  ...ProcedureSummary.properties,
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
