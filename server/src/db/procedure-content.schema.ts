import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from './roles.schema.js';

// What a procedure version's columns hold: here, below every feature, because the Drizzle
// schema types its JSONB columns with them; procedures.schema.ts re-exports them for the API.

/** Working days (8 working hours each) or working hours: the one spelling of a duration's unit. */
export const DURATION_UNITS = ['days', 'hours'] as const;
export const DurationUnit = Type.Union(
  DURATION_UNITS.map((unit) => Type.Literal(unit)),
  { description: 'working days (8 working hours each) or working hours; default days' },
);
export type DurationUnit = Static<typeof DurationUnit>;

/** A paper the desk checks at intake, as `processes/_schema/procedure.schema.json` describes it. */
export const RequiredDocument = Type.Object({
  name: Type.String(),
  originals: Type.Integer({ minimum: 0 }),
  copies: Type.Integer({ minimum: 0 }),
  optional: Type.Optional(Type.Boolean()),
  note: Type.Optional(Type.String()),
});

/** A fee or charge of the procedure, in đồng, as `procedure.json` lists it. */
export const ProcedureFee = Type.Object({
  name: Type.String(),
  amount: Type.Integer({ minimum: 0 }),
  note: Type.Optional(Type.String()),
});

/** `procedure.json` beside the diagram: what the desk and the reports read, and more. */
export const ProcedureMetadata = Type.Object(
  {
    documents: Type.Optional(Type.Array(RequiredDocument)),
    fees: Type.Optional(Type.Array(ProcedureFee)),
  },
  { additionalProperties: true },
);
export type ProcedureMetadata = Static<typeof ProcedureMetadata>;

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

/** A field a step must leave filled: for every outcome, or only for the outcomes named. */
export const RequiredField = Type.Object({
  field: Type.String(),
  outcomes: Type.Array(Type.String(), { description: 'empty: whatever the outcome' }),
});
export type RequiredField = Static<typeof RequiredField>;

/**
 * The form fields one step (the intake, a user task, a message from another agency) owns, from
 * its mc:editableFields, mc:requiredFields and mc:visibleFields: it fills only what it edits, and
 * must leave filled what it requires.
 */
export const StepFields = Type.Object({
  editableFields: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'fields the step may change; null (no mc:editableFields) and [] both mean none',
  }),
  requiredFields: Type.Optional(Type.Array(RequiredField, { description: 'absent in older versions: none' })),
  visibleFields: Type.Optional(
    Type.Union([Type.Array(Type.String()), Type.Null()], {
      description: 'fields the step shows read-only; null or absent: every field filled so far',
    }),
  ),
});
export type StepFields = Static<typeof StepFields>;

/** What the runtime needs to know of one user task, read from the diagram once at deploy. */
export const StepSpec = Type.Object({
  id: Type.String(),
  name: Type.String(),
  departments: Type.Array(Type.String()),
  role: Type.Union([RoleSchema, Type.Null()]),
  outcomes: Type.Array(Type.String()),
  reasonOutcomes: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'outcomes that send the work back or refuse the dossier: their completion must give a reason (absent in older versions: none)',
    }),
  ),
  ...StepFields.properties,
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
  ...Type.Partial(StepFields).properties,
});
export type MessageWait = Static<typeof MessageWait>;

/** The desk's step: the start event, whose fields the reception form shows. */
export const IntakeStep = Type.Object({ id: Type.String(), name: Type.String(), ...StepFields.properties });
export type IntakeStep = Static<typeof IntakeStep>;

/** The steps of a version, read from its diagram at deploy (the `steps` column). */
export const ProcedureSteps = Type.Object({
  userTasks: Type.Record(Type.String(), StepSpec),
  hasTimers: Type.Optional(Type.Boolean({ description: 'absent in versions deployed before it was noted' })),
  eventStatuses: Type.Record(Type.String(), Type.Integer(), {
    description: 'status a dossier takes at an end or catch event (e.g. 3 refused, 10 returned)',
  }),
  messageEvents: Type.Optional(Type.Record(Type.String(), MessageWait)),
  intake: Type.Optional(IntakeStep),
});
export type ProcedureSteps = Static<typeof ProcedureSteps>;
