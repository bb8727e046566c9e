import { Type, type Static } from '@sinclair/typebox';

const Month = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'local calendar month, YYYY-MM',
});
const Count = Type.Integer({ minimum: 0 });

export const TrendsQuery = Type.Object(
  {
    from: Month,
    to: Month,
    department: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type TrendsQuery = Static<typeof TrendsQuery>;

/** Received and resolved dossiers of a month, unit or procedure; the on-time share of those resolved. */
const Figures = {
  received: Count,
  receivedOnline: Count,
  resolved: Count,
  early: Count,
  onTime: Count,
  late: Count,
  onTimeShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: '(early + on time) / resolved; null when none was resolved',
  }),
};

export const Trends = Type.Object({
  from: Month,
  to: Month,
  months: Type.Array(Type.Object({ month: Month, ...Figures }), {
    description: 'every month of the period, in order',
  }),
  byDepartment: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Figures })),
  byProcedure: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Figures })),
  officers: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      fullName: Type.String(),
      completed: Type.Integer({ minimum: 0, description: 'steps completed in the period' }),
      late: Type.Integer({ minimum: 0, description: 'of those, completed after their due time' }),
      open: Type.Integer({ minimum: 0, description: 'steps claimed and not yet completed, now' }),
    }),
  ),
});
export type Trends = Static<typeof Trends>;
