import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from '../core/roles.js';
import { UuidParam } from '../http/params.schema.js';
import { NextTask, OpenTask, ResultHandover } from '../dossiers/dossiers.schema.js';
import { DecisionReason } from '../dossiers/dossier-comments.schema.js';

export const TaskParams = Type.Object({ id: UuidParam('task_not_found') });

export type InboxQuery = Static<typeof InboxQuery>;
export const InboxQuery = Type.Object(
  {
    scope: Type.Union([Type.Literal('mine'), Type.Literal('department'), Type.Literal('available')], {
      default: 'department',
      description: 'available: tasks of my departments that are open or claimed by me',
    }),
    department: Type.Optional(Type.String({ maxLength: 100 })),
    procedure: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Union([Type.Literal('due'), Type.Literal('created')], { default: 'due' }),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export type CompleteTaskBody = Static<typeof CompleteTaskBody>;
export const CompleteTaskBody = Type.Object(
  {
    outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    data: Type.Optional(Type.Object({}, { additionalProperties: true })),
    reason: Type.Optional(DecisionReason),
    handover: Type.Optional({
      ...ResultHandover,
      description:
        'how the result was handed over: required by the step returning it (status 9), refused by others',
    }),
  },
  { additionalProperties: false },
);

const Instant = Type.String({ format: 'date-time' });

/** A step against its due time in working time: soon = within 1 working day; paused = waiting for a supplement. */
const DUE_STATES = ['overdue', 'soon', 'ok', 'paused', 'none'] as const;
export const DueState = Type.Union(DUE_STATES.map((s) => Type.Literal(s)));
export type DueState = Static<typeof DueState>;

/** The answer to a claim or a release: the task with the role its step needs. */
export const ClaimedTask = Type.Object({
  ...OpenTask.properties,
  role: Type.Union([RoleSchema, Type.Null()]),
});
export type ClaimedTask = Static<typeof ClaimedTask>;

export const InboxTask = Type.Object({
  ...ClaimedTask.properties,
  outcomes: Type.Array(Type.String()),
  due: Type.Object(
    { state: DueState, workingMinutesLeft: Type.Union([Type.Integer(), Type.Null()]) },
    {
      description:
        'the step against its due time in working time: soon = within 1 working day; paused = waiting for a supplement',
    },
  ),
  dossier: Type.Object({
    code: Type.String(),
    procedureCode: Type.String(),
    applicantName: Type.String(),
    receivedAt: Instant,
    dueAt: Instant,
  }),
});
export type InboxTask = Static<typeof InboxTask>;

export const InboxPage = Type.Object({
  items: Type.Array(InboxTask),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type InboxPage = Static<typeof InboxPage>;

export const CompletedTask = Type.Object({
  id: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  dossierStatus: Type.Integer(),
  nextTasks: Type.Array(NextTask),
});
export type CompletedTask = Static<typeof CompletedTask>;
