import { Type, type Static } from '@sinclair/typebox';

// What a dossier's JSONB and enum columns hold: here, below every feature, because the Drizzle
// schema types its columns with them; dossiers.schema.ts re-exports them for the API.

export const Applicant = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ pattern: '^[0-9A-Za-z]{6,20}$', description: 'CCCD / passport number' }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export const Channel = Type.Union([Type.Literal('in_person'), Type.Literal('online'), Type.Literal('post')]);
export type Channel = Static<typeof Channel>;

/** Original, copy or certified copy: how a paper was handed in. */
export const DocumentForm = Type.Union([
  Type.Literal('original'),
  Type.Literal('copy'),
  Type.Literal('certified_copy'),
]);
export type DocumentForm = Static<typeof DocumentForm>;

/** One line of the required-documents checklist as the receptionist ticked it. */
export const ReceivedDocument = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    form: DocumentForm,
    count: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type ReceivedDocument = Static<typeof ReceivedDocument>;

/**
 * One fee of `procedure.json` as the desk collected it: `amount` is what was collected (the listed
 * amount unless the fee depends on counts, say pages), `collected` whether it was paid at the desk.
 */
export const CollectedFee = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500, description: 'a fee named in procedure.json' }),
    amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'đồng' }),
    collected: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CollectedFee = Static<typeof CollectedFee>;

export const NotifyChannel = Type.Union([Type.Literal('sms'), Type.Literal('email')]);
export type NotifyChannel = Static<typeof NotifyChannel>;

/**
 * How the result was handed over at the step returning it (national status 9): in person, to
 * the applicant or a person they authorised, with their name and ID number; or by post, with the
 * tracking number. The `if`/`then` rules are what the desk's form and the server both enforce.
 */
export const ResultHandover = Type.Object(
  {
    method: Type.Union([Type.Literal('in_person'), Type.Literal('post')]),
    collector: Type.Optional(
      Type.Union([Type.Literal('applicant'), Type.Literal('authorised')], {
        description: 'in person: the applicant, or a person they authorised',
      }),
    ),
    collectorName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    collectorIdNumber: Type.Optional(
      Type.String({ pattern: '^[0-9A-Za-z]{6,20}$', description: 'CCCD / passport number' }),
    ),
    trackingNumber: Type.Optional(
      Type.String({ pattern: '^[0-9A-Za-z-]{4,40}$', description: 'post: the consignment number' }),
    ),
  },
  {
    additionalProperties: false,
    allOf: [
      {
        if: { properties: { method: { const: 'in_person' } } },
        then: { required: ['collector', 'collectorName', 'collectorIdNumber'] },
      },
      { if: { properties: { method: { const: 'post' } } }, then: { required: ['trackingNumber'] } },
    ],
  },
);
export type ResultHandover = Static<typeof ResultHandover>;

/** The handover as the dossier keeps it: who recorded it and when. */
export const RecordedHandover = Type.Object({
  ...ResultHandover.properties,
  at: Type.String({ format: 'date-time' }),
  recordedBy: Type.String({ description: 'the receptionist who handed it over' }),
});
export type RecordedHandover = Static<typeof RecordedHandover>;
