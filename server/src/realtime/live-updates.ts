import type { Task } from '../db/schema.js';

export interface TaskChangeSet {
  created: Task[];
  closed: Task[];
}

/** Pushes task changes to live inboxes; called only after the transaction that made them commits. */
export interface LiveUpdates {
  tasksChanged(changes: TaskChangeSet): void;
  taskUpdated(task: Task): void;
}

export const noLiveUpdates: LiveUpdates = {
  tasksChanged() {},
  taskUpdated() {},
};
