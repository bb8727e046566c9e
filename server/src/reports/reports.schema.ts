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

const LocalDate = (description: string) => Type.String({ format: 'date', description });

export const StepDurationsQuery = Type.Object(
  {
    procedure: Type.String({ minLength: 1, maxLength: 100, description: 'Procedure code (its slug)' }),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Only dossiers running on this version; all versions when absent',
      }),
    ),
    from: LocalDate('First local date (Vietnam) of the period, YYYY-MM-DD: steps completed on or after it'),
    to: LocalDate('Last local date of the period, included; at most 366 days after `from`'),
    agency: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Only dossiers received by this agency' }),
    ),
  },
  { additionalProperties: false },
);

const Hours = Type.Union([Type.Number({ minimum: 0 }), Type.Null()], {
  description: 'Working hours (calendar of the receiving agency); null when no step was completed',
});
const Spread = Type.Object({ median: Hours, p90: Hours });

export const StepDurations = Type.Object({
  elementId: Type.String({ description: 'The user task’s id in the diagram' }),
  name: Type.String({ description: 'The step’s name as its latest activation carried it' }),
  completed: Count,
  total: Spread,
  waiting: Type.Object(
    { median: Hours, p90: Hours },
    { description: 'Created → claimed (a step completed unclaimed waited until completed)' },
  ),
  working: Type.Object({ median: Hours, p90: Hours }, { description: 'Claimed → completed' }),
  withDue: Type.Integer({ minimum: 0, description: 'Completed activations that had a due time' }),
  onTimeShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'Share of `withDue` completed by their due time; null when none had one',
  }),
  openNow: Count,
  overdueNow: Count,
});

export const StepDurationsReport = Type.Object({
  procedure: Type.String(),
  version: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  agency: Type.Union([Type.String(), Type.Null()]),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  steps: Type.Array(StepDurations),
});
export type StepDurations = Static<typeof StepDurations>;
export type StepDurationsReport = Static<typeof StepDurationsReport>;
/** The longest period one report covers: a year (a leap year's 366 days). */
export const MAX_PERIOD_DAYS = 366;

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
