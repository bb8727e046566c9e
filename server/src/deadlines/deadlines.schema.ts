import { Type, type Static } from '@sinclair/typebox';
import { StepBudget } from '../procedures/procedures.schema.js';
import { RecordedHandover } from '../db/dossier-content.schema.js';

const Text = Type.String({ minLength: 1, maxLength: 1000 });

export type SupplementRequestBody = Static<typeof SupplementRequestBody>;
export const SupplementRequestBody = Type.Object(
  {
    reasons: Type.Array(Text, { minItems: 1, maxItems: 50, description: 'why the dossier is incomplete' }),
    items: Type.Array(Text, { maxItems: 50, description: 'papers or data the citizen must add' }),
  },
  { additionalProperties: false },
);

export type SupplementBody = Static<typeof SupplementBody>;
export const SupplementBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export type ExtendBody = Static<typeof ExtendBody>;
export const ExtendBody = Type.Object(
  {
    newDueAt: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 3, maxLength: 2000, description: 'reason given in the apology letter' }),
  },
  { additionalProperties: false },
);

const Instant = Type.String({ format: 'date-time' });
const MaybeInstant = Type.Union([Instant, Type.Null()]);
/** Trước hạn, đúng hạn, quá hạn: a finished dossier or step against its deadline. */
export const Timeliness = Type.Union([Type.Literal('early'), Type.Literal('on_time'), Type.Literal('late')]);
export type Timeliness = Static<typeof Timeliness>;
const Result = Type.Union([Timeliness, Type.Null()]);

export const DeadlineState = Type.Object({
  code: Type.String(),
  status: Type.Integer(),
  dueAt: Instant,
  originalDueAt: Instant,
  pausedAt: MaybeInstant,
});
export type DeadlineState = Static<typeof DeadlineState>;

/** How the result was handed over, without the collector's name and ID number: the slip shows no personal data. */
export const SlipHandover = Type.Pick(RecordedHandover, [
  'method',
  'collector',
  'trackingNumber',
  'at',
  'recordedBy',
]);

export type SlipHandover = Static<typeof SlipHandover>;

export const ControlSlip = Type.Object({
  code: Type.String(),
  handover: Type.Union([SlipHandover, Type.Null()]),
  procedureName: Type.String(),
  receivedAt: Instant,
  originalDueAt: Instant,
  dueAt: Instant,
  finishedAt: MaybeInstant,
  result: Result,
  pauses: Type.Array(
    Type.Object({
      startedAt: Instant,
      endedAt: MaybeInstant,
      pausedMinutes: Type.Union([Type.Integer(), Type.Null()]),
      reasons: Type.Array(Type.String()),
    }),
  ),
  extensions: Type.Array(
    Type.Object({
      at: Instant,
      previousDueAt: Instant,
      newDueAt: Instant,
      reason: Type.String(),
      by: Type.String(),
    }),
  ),
  steps: Type.Array(
    Type.Object({
      stepId: Type.String(),
      name: Type.String(),
      departments: Type.Array(Type.String()),
      toDepartments: Type.Array(Type.String()),
      sender: Type.Union([Type.String(), Type.Null()]),
      receivedAt: Instant,
      completedAt: MaybeInstant,
      dueAt: MaybeInstant,
      budget: Type.Union([StepBudget, Type.Null()]),
      usedMinutes: Type.Union([Type.Integer(), Type.Null()]),
      outcome: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      result: Result,
    }),
  ),
});
export type ControlSlip = Static<typeof ControlSlip>;
export type ControlSlipStep = ControlSlip['steps'][number];
