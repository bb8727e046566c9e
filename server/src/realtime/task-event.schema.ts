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
