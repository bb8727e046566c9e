import {
  HOURS_PER_WORKING_DAY,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../calendar/working-time.js';
import type { DueState } from './tasks.schema.js';

/** A step is due soon when its due time falls within this many working days from now. */
export const SOON_WORKING_DAYS = 1;

export interface Due {
  state: DueState;
  /** Working minutes until the due time; negative once overdue; null without a running deadline. */
  workingMinutesLeft: number | null;
}

/**
 * Classifies a step's due time in working time, not wall-clock hours: on a Friday afternoon a
 * step due on Monday morning is due soon; the clock of a dossier waiting for a supplement is
 * stopped, so its steps are neither soon nor overdue.
 */
export function dueOf(dueAt: Date | null, now: Date, paused: boolean, calendar: WorkingCalendar): Due {
  if (!dueAt) return { state: 'none', workingMinutesLeft: null };
  if (paused) return { state: 'paused', workingMinutesLeft: null };
  if (dueAt.getTime() <= now.getTime())
    return { state: 'overdue', workingMinutesLeft: -Math.round(workingMinutesBetween(dueAt, now, calendar)) };
  const left = Math.round(workingMinutesBetween(now, dueAt, calendar));
  return {
    state: left <= SOON_WORKING_DAYS * HOURS_PER_WORKING_DAY * 60 ? 'soon' : 'ok',
    workingMinutesLeft: left,
  };
}
