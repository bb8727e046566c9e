import { Type } from '@sinclair/typebox';
import { NextTask } from '../dossiers/dossiers.schema.js';

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

export const CompleteTaskBody = Type.Object(
  {
    outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    data: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
);

export const InboxTask = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  elementId: Type.String(),
  status: Type.String(),
  departmentCodes: Type.Array(Type.String()),
  role: Type.Union([Type.String(), Type.Null()]),
  assigneeId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  dueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  outcomes: Type.Array(Type.String()),
  due: Type.Object(
    {
      state: Type.Union(['overdue', 'soon', 'ok', 'paused', 'none'].map((s) => Type.Literal(s))),
      workingMinutesLeft: Type.Union([Type.Integer(), Type.Null()]),
    },
    { description: 'the step against its due time in working time: soon = within 1 working day; paused = waiting for a supplement' },
  ),
  dossier: Type.Object({
    code: Type.String(),
    procedureCode: Type.String(),
    applicantName: Type.String(),
    receivedAt: Type.String({ format: 'date-time' }),
    dueAt: Type.String({ format: 'date-time' }),
  }),
});

export const InboxPage = Type.Object({
  items: Type.Array(InboxTask),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const CompletedTask = Type.Object({
  id: Type.String(),
  outcome: Type.Union([Type.String(), Type.Null()]),
  dossierStatus: Type.Integer(),
  nextTasks: Type.Array(NextTask),
});
