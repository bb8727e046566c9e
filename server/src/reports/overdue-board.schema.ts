import { Type, type Static } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });

export const OVERDUE_SORTS = ['due', 'department', 'officer', 'procedure'] as const;

export const OverdueQuery = Type.Object(
  {
    department: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'only steps of this department' }),
    ),
    assignee: Type.Optional(
      Type.String({ format: 'uuid', description: 'only steps claimed by this officer' }),
    ),
    state: Type.Optional(
      Type.Union([Type.Literal('overdue'), Type.Literal('soon'), Type.Literal('all')], {
        default: 'all',
        description: 'overdue now, due within one working day, or both',
      }),
    ),
    sort: Type.Optional(
      Type.Union(
        OVERDUE_SORTS.map((s) => Type.Literal(s)),
        { default: 'due' },
      ),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);
export type OverdueQuery = Static<typeof OverdueQuery>;

/** One open step overdue or due within a working day. */
export const OverdueStep = Type.Object({
  taskId: Type.String({ format: 'uuid' }),
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  stepName: Type.String(),
  departments: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
    description: 'the departments whose pool holds the step',
  }),
  assignee: Type.Union(
    [Type.Object({ id: Type.String({ format: 'uuid' }), fullName: Type.String() }), Type.Null()],
    {
      description: 'null: waiting in the department pool',
    },
  ),
  dueAt: Instant,
  dossierDueAt: Instant,
  state: Type.Union([Type.Literal('overdue'), Type.Literal('soon')]),
  workingMinutesLate: Type.Integer({
    description: 'working minutes past the due time; negative: still left',
  }),
});
export type OverdueStep = Static<typeof OverdueStep>;

const Counts = { overdue: Type.Integer({ minimum: 0 }), soon: Type.Integer({ minimum: 0 }) };

export const OverdueBoard = Type.Object({
  at: Instant,
  steps: Type.Array(OverdueStep, { description: 'at most `limit`, in the order asked' }),
  total: Type.Object(Counts, { description: 'every matching step, beyond the page too' }),
  byDepartment: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Counts })),
  byOfficer: Type.Array(
    Type.Object({
      id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null: the pools' }),
      fullName: Type.Union([Type.String(), Type.Null()]),
      ...Counts,
    }),
  ),
});
export type OverdueBoard = Static<typeof OverdueBoard>;
