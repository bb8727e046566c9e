import { Type, type Static } from '@sinclair/typebox';

/** What a socket.io `task.created`, `task.closed` or `task.updated` event carries. */
export const TaskEvent = Type.Object({
  id: Type.String({ format: 'uuid' }),
  dossierId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  status: Type.Union(['open', 'claimed', 'completed', 'cancelled'].map((s) => Type.Literal(s))),
  assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
});
export type TaskEvent = Static<typeof TaskEvent>;

/**
 * What a socket.io `step.changed` event carries to those who oversee the task's departments: a
 * step of a dossier was opened, claimed, released or closed (no names: counts are refetched).
 */
export const StepEvent = Type.Object({
  taskId: Type.String({ format: 'uuid' }),
  dossierId: Type.String({ format: 'uuid' }),
  elementId: Type.String(),
  status: TaskEvent.properties.status,
});
export type StepEvent = Static<typeof StepEvent>;
