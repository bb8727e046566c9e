import { Type, type Static } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });
const Count = Type.Integer({ minimum: 0 });

const StepFilter = {
  procedure: Type.String({ minLength: 1, maxLength: 100, description: 'Procedure code (its slug)' }),
  version: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'Only dossiers running on this version; all versions when absent',
    }),
  ),
  agency: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'Only dossiers received by this agency' }),
  ),
};

export const StepOpenQuery = Type.Object(StepFilter, { additionalProperties: false });
export type StepOpenQuery = Static<typeof StepOpenQuery>;

/** Open and overdue now per step: what a live heatmap refetches on task events, without the period's percentiles. */
export const StepOpenCounts = Type.Object({
  at: Instant,
  steps: Type.Array(Type.Object({ elementId: Type.String(), openNow: Count, overdueNow: Count })),
});
export type StepOpenCounts = Static<typeof StepOpenCounts>;

export const StepWaitingQuery = Type.Object(
  {
    ...StepFilter,
    element: Type.String({ minLength: 1, maxLength: 200, description: 'The user task’s id in the diagram' }),
  },
  { additionalProperties: false },
);
export type StepWaitingQuery = Static<typeof StepWaitingQuery>;

export const WaitingDossier = Type.Object({
  taskId: Type.String({ format: 'uuid' }),
  dossierCode: Type.String(),
  since: Type.String({ format: 'date-time', description: 'When the step was created for this dossier' }),
  dueAt: Type.Union([Instant, Type.Null()]),
  overdue: Type.Boolean(),
  assignee: Type.Union([Type.String(), Type.Null()], {
    description: 'Full name of the officer who claimed it; null: waiting in the pool',
  }),
});
export type WaitingDossier = Static<typeof WaitingDossier>;

export const StepWaiting = Type.Object({
  at: Instant,
  elementId: Type.String(),
  total: Count,
  dossiers: Type.Array(WaitingDossier, { description: 'The longest-waiting first, at most 200' }),
});
export type StepWaiting = Static<typeof StepWaiting>;
