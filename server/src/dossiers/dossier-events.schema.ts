import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });
const NextSteps = Type.Array(Type.String(), { description: 'the steps (and waits) the dossier went to' });

/** The control-slip columns every event has; `type` and `details` say what happened. */
function event<K extends string, D extends TSchema>(type: K, details: D, description: string) {
  return Type.Object(
    {
      id: Type.Integer(),
      type: Type.Literal(type),
      at: Instant,
      actorName: Type.Union([Type.String(), Type.Null()]),
      stepId: Type.Union([Type.String(), Type.Null()]),
      stepName: Type.Union([Type.String(), Type.Null()]),
      fromDepartment: Type.Union([Type.String(), Type.Null()]),
      toDepartments: Type.Union([Type.Array(Type.String()), Type.Null()]),
      outcome: Type.Union([Type.String(), Type.Null()]),
      details,
    },
    { description },
  );
}

/** One line of the control slip, by its type: each carries its own details. */
export const DossierEvent = Type.Union([
  event('received', Type.Object({ nextSteps: NextSteps }), 'received at the desk'),
  event(
    'step_completed',
    Type.Object({ taskId: Type.String({ format: 'uuid' }), nextSteps: NextSteps }),
    'a step was completed; stepId is its element',
  ),
  event(
    'message_received',
    Type.Object({ message: Type.String(), nextSteps: NextSteps }),
    'a message from another agency reached the event the dossier waited at',
  ),
  event(
    'timer_fired',
    Type.Object({ nextSteps: NextSteps }),
    'a BPMN timer fired; stepId is the timer event',
  ),
  event(
    'finished',
    Type.Object({
      status: Type.Integer(),
      endEventStatus: Type.Union([Type.Integer(), Type.Null()]),
    }),
    'the process ended; stepId is the end event',
  ),
  event(
    'supplement_requested',
    Type.Object({ reasons: Type.Array(Type.String()), items: Type.Array(Type.String()) }),
    'the citizen was asked to complete the dossier; its clock stopped',
  ),
  event(
    'supplement_received',
    Type.Object({
      pausedMinutes: Type.Integer(),
      previousDueAt: Instant,
      newDueAt: Instant,
      note: Type.Union([Type.String(), Type.Null()]),
    }),
    'the supplement arrived; the promised date moved by the paused working time',
  ),
  event(
    'extended',
    Type.Object({ previousDueAt: Instant, newDueAt: Instant, reason: Type.String() }),
    'a new promised date, with the apology letter',
  ),
  event(
    'lookup_secret_reissued',
    Type.Object({ generation: Type.Integer({ minimum: 1 }) }),
    'a new lookup secret was issued and sent to the citizen; the previous one stopped working',
  ),
]);
export type DossierEvent = Static<typeof DossierEvent>;
