import { Type, type Static } from '@sinclair/typebox';

// The citizen lookup answers anyone holding the code and secret of a receipt: every field here is
// one a citizen may read on the street. No applicant data, no officer, no internal note.

const Instant = Type.String({ format: 'date-time' });
/** An answer object that admits no field its schema does not name, so none slips in unreviewed. */
const Closed: typeof Type.Object = (properties, options) =>
  Type.Object(properties, { ...options, additionalProperties: false });
const MaybeInstant = Type.Union([Instant, Type.Null()]);
const NationalStatus = {
  status: Type.Integer({ description: 'national status code (1–10)' }),
  statusText: Type.String({ description: 'its Vietnamese label' }),
};

export const LookupQuery = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60 }),
    secret: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);
export type LookupQuery = Static<typeof LookupQuery>;

/** One step the dossier went through (or waits at): a task of the procedure, or a wait for another agency. */
export const LookupStep = Closed({
  name: Type.String({ description: "the step's name in the procedure version" }),
  departments: Type.Array(Type.String(), { description: 'names of the departments or agencies holding it' }),
  startedAt: Instant,
  endedAt: Type.Union([Instant, Type.Null()], { description: 'null while the step is still open' }),
  ...NationalStatus,
});
export type LookupStep = Static<typeof LookupStep>;

/** A supplement request: what the citizen was asked to add, and when it came back. */
export const LookupSupplement = Closed({
  requestedAt: Instant,
  receivedAt: MaybeInstant,
  reasons: Type.Array(Type.String()),
  items: Type.Array(Type.String(), { description: 'papers or data the citizen must add' }),
});
export type LookupSupplement = Static<typeof LookupSupplement>;

/** A new promised date, as the apology letter gave it. */
export const LookupExtension = Closed({
  at: Instant,
  previousDueAt: Instant,
  newDueAt: Instant,
  reason: Type.String({ description: 'the reason the apology letter gives the citizen' }),
});
export type LookupExtension = Static<typeof LookupExtension>;

export const LookupRefusal = Closed({
  refusedAt: Instant,
  reason: Type.String({
    description:
      'no reason is stored with a refusal yet: the name of the end event the procedure reached (e.g. "Từ chối, trả hồ sơ")',
  }),
});
export type LookupRefusal = Static<typeof LookupRefusal>;

export const LookupResult = Closed({
  code: Type.String(),
  procedureName: Type.String(),
  ...NationalStatus,
  receivedAt: Instant,
  dueAt: Type.String({ format: 'date-time', description: 'the promised date now' }),
  originalDueAt: Type.String({
    format: 'date-time',
    description: 'the date first promised on the receipt; differs from dueAt once moved',
  }),
  finishedAt: MaybeInstant,
  currentSteps: Type.Array(Closed({ name: Type.String(), departments: Type.Array(Type.String()) })),
  steps: Type.Array(LookupStep, { description: 'every step so far, in the order they started' }),
  supplements: Type.Array(LookupSupplement),
  extensions: Type.Array(LookupExtension),
  refusal: Type.Union([LookupRefusal, Type.Null()], { description: 'set when the dossier was refused' }),
});
export type LookupResult = Static<typeof LookupResult>;
