import { Type, type Static } from '@sinclair/typebox';
import { SerialParam } from '../http/params.schema.js';
import { DurationUnit } from '../db/procedure-content.schema.js';

/** A holiday or a compensatory working day, by its id. */
export const CalendarEntryParams = Type.Object({ id: SerialParam('calendar_entry_not_found') });

const LocalDate = Type.String({ format: 'date', description: 'YYYY-MM-DD (local date in Vietnam)' });
const AgencyCode = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' });

export const DueQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time', description: 'ISO instant of receipt' }),
    amount: Type.Number({ minimum: 0, maximum: 3650 }),
    unit: DurationUnit,
    cutoff: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:mm' })),
    agency: Type.Optional(AgencyCode),
  },
  { additionalProperties: false },
);

export const DueResult = Type.Object({ dueAt: Type.String({ format: 'date-time' }) });
export type DueResult = Static<typeof DueResult>;

export const HolidayBody = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    agencyCode: Type.Optional(AgencyCode),
  },
  { additionalProperties: false },
);

export const WorkdayBody = Type.Object(
  {
    date: LocalDate,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    agencyCode: Type.Optional(AgencyCode),
  },
  { additionalProperties: false },
);

export const AgencyFilter = Type.Object(
  { agency: Type.Optional(AgencyCode) },
  { additionalProperties: false },
);

export const Holiday = Type.Object({
  id: Type.Integer(),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  fromDate: Type.String(),
  toDate: Type.String(),
  name: Type.String(),
});

export const Workday = Type.Object({
  id: Type.Integer(),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  date: Type.String(),
  name: Type.String(),
});
