import type { Task } from '../db/schema.js';
import type { SessionUser } from '../core/roles.js';
import { errors } from '../core/errors.js';

/** An officer acts only on tasks of their departments, and on role-restricted steps only with that role. */
export function assertMayWork(user: SessionUser, task: Task): void {
  const mine = user.departments.some((d) => task.departmentCodes.includes(d.code));
  if (!mine) throw errors.taskOtherDepartment(task.departmentCodes);
  if (task.role && !user.roles.includes(task.role as SessionUser['roles'][number])) {
    throw errors.taskRoleRequired(task.role);
  }
}

export function assertOpen(task: Task): void {
  if (task.status === 'completed' || task.status === 'cancelled') {
    throw errors.taskClosed(task.id, task.status);
  }
}
