import { Type } from '@sinclair/typebox';

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

export const OnTimeReport = Type.Object({
  department: Type.String(),
  month: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  received: Type.Object({ total: Count, online: Count, inPerson: Count, carriedOver: Count }),
  resolved: Type.Object({ total: Count, early: Count, onTime: Count, late: Count }),
  inProgress: Type.Object({ total: Count, withinDeadline: Count, overdue: Count }),
});
