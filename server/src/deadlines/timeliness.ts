import { localDateOf } from '../calendar/working-time.js';

/** Trước hạn / đúng hạn / quá hạn. */
export type Timeliness = 'early' | 'on_time' | 'late';

/**
 * Classifies a finished dossier or step against its deadline (already pushed by any pauses):
 * late after the due instant; early when finished on a working day before the due date; on
 * time on the due date itself, up to the due instant.
 */
export function classify(finishedAt: Date, dueAt: Date): Timeliness {
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return localDateOf(finishedAt) < localDateOf(dueAt) ? 'early' : 'on_time';
}

/** For work still in progress: within its deadline, or overdue. */
export function progress(dueAt: Date, now: Date): 'within' | 'overdue' {
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'within';
}
