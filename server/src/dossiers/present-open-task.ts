import type { Task } from '../db/schema.js';

/** A task as the API shows an open one: in a dossier's detail, and (with its role) in the inbox. */
export function presentOpenTask(t: Task) {
  return {
    id: t.id,
    name: t.name,
    elementId: t.elementId,
    departmentCodes: t.departmentCodes,
    status: t.status,
    assigneeId: t.assigneeId,
    createdAt: t.createdAt.toISOString(),
    dueAt: t.dueAt?.toISOString() ?? null,
    returned: t.returned,
    returnReason: t.returnReason,
  };
}
