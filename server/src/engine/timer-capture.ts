import { Timers } from 'bpmn-elements';

/** A BPMN timer the process waits on, to be fired by the timer job at `fireAt`. */
export interface PendingTimer {
  elementId: string;
  executionId: string;
  fireAt: Date;
}

interface TimerRef {
  owner: { id?: string; executionId?: string; expireAt?: Date | string } | null;
  delay: number;
}

/**
 * bpmn-elements' `timers` option for an engine that lives for one command: timers are noted,
 * never scheduled in memory (where a restart would lose them and 24.8 days would overflow
 * setTimeout). The caller stores them; a due timer fires when the timer job resumes the
 * dossier, because a resumed timer past its expiry completes at once.
 */
export function captureTimers() {
  const timers = new Timers({ setTimeout: () => null, clearTimeout: () => undefined });
  return {
    timers,
    pending(now: Date): PendingTimer[] {
      return (timers.executing as TimerRef[])
        .filter((ref) => ref.owner?.id && ref.owner.executionId)
        .map((ref) => ({
          elementId: ref.owner!.id!,
          executionId: ref.owner!.executionId!,
          fireAt: ref.owner!.expireAt ? new Date(ref.owner!.expireAt) : new Date(now.getTime() + ref.delay),
        }));
    },
  };
}
