import { Type, type Static } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });
const Cursor = Type.String({
  pattern: '^\\d{1,20}\\.\\d{1,20}$',
  description: 'where the previous read stopped (the last line\'s `cursor`); "0.0" from the start',
});

export const NationalStatusQuery = Type.Object(
  {
    after: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
  },
  { additionalProperties: false },
);
export type NationalStatusQuery = Static<typeof NationalStatusQuery>;

/** One change of a dossier as the national portal takes it: one JSON line of the export. */
export const NationalStatusLine = Type.Object(
  {
    cursor: Cursor,
    code: Type.String({ description: 'the dossier code on the receipt' }),
    procedure: Type.String({ description: 'procedure code' }),
    agency: Type.String({ description: 'code of the agency that received it' }),
    status: Type.Integer({ minimum: 1, maximum: 10, description: 'national status code after the change' }),
    statusText: Type.String(),
    channel: Type.String({ description: 'how it was received: online, in_person, post' }),
    changedAt: Instant,
    receivedAt: Instant,
    dueAt: Type.String({ format: 'date-time', description: 'the promised date now' }),
    originalDueAt: Type.String({
      format: 'date-time',
      description: 'the date first promised on the receipt',
    }),
    pausedAt: Type.Union([Instant, Type.Null()], {
      description: 'set while a supplement request stops the clock',
    }),
    finishedAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type NationalStatusLine = Static<typeof NationalStatusLine>;
