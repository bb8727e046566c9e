import { Type, type Static } from '@sinclair/typebox';

export const OnTimeQuery = Type.Object(
  {
    department: Type.String({
      minLength: 1,
      description: 'Code of the receiving department (a unit’s reception desk)',
    }),
    month: Type.String({
      pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
      description: 'Calendar month in local time, YYYY-MM',
    }),
  },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0 });

/** The figures of report II.06a for one unit (or the total of several). */
export const TimelinessCounts = Type.Object({
  received: Type.Object({ total: Count, online: Count, inPerson: Count, carriedOver: Count }),
  resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
  inProgress: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
});
export type TimelinessCounts = Static<typeof TimelinessCounts>;

export const OnTimeReport = Type.Object({
  department: Type.String(),
  month: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  ...TimelinessCounts.properties,
});

/** The longest period one report covers: a year (a leap year's 366 days). */
export const MAX_PERIOD_DAYS = 366;

const LocalDate = (description: string) => Type.String({ format: 'date', description });

export const Ii06aQuery = Type.Object(
  {
    agency: Type.String({ minLength: 1, description: 'Code of the agency whose subtree is reported' }),
    from: LocalDate('First day of the period, local time (UTC+7), YYYY-MM-DD'),
    to: LocalDate(`Last day of the period, inclusive, at most ${MAX_PERIOD_DAYS} days after from`),
  },
  { additionalProperties: false },
);
export type Ii06aQuery = Static<typeof Ii06aQuery>;

export const Ii06aRow = Type.Object({
  agencyCode: Type.String(),
  agencyName: Type.String(),
  /** 0 for the agency asked for, 1 for the agencies directly below it, and so on. */
  depth: Type.Integer({ minimum: 0 }),
  ...TimelinessCounts.properties,
});
export type Ii06aRow = Static<typeof Ii06aRow>;

export const Ii06aReport = Type.Object({
  agency: Type.Object({ code: Type.String(), name: Type.String() }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  /** The instant open dossiers are judged at: the period's end, or now while the period runs. */
  asOf: Type.String({ format: 'date-time' }),
  rows: Type.Array(Ii06aRow),
  total: TimelinessCounts,
});
export type Ii06aReport = Static<typeof Ii06aReport>;

export const OverseenAgency = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type OverseenAgency = Static<typeof OverseenAgency>;
