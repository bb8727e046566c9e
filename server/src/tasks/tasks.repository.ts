import { and, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { tasks, type Task } from '../db/schema.js';

export async function findTask(db: Queryable, id: string, forUpdate = false): Promise<Task | null> {
  const query = db.select().from(tasks).where(eq(tasks.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * A task of a locked dossier, with the dossier's other open tasks, all locked, in one round
 * trip: a completion checks the one and hands the others to the engine command.
 */
export async function lockTaskWithOpenTasks(db: Queryable, dossierId: string, taskId: string) {
  const rows = await db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.dossierId, dossierId),
        or(eq(tasks.id, taskId), inArray(tasks.status, ['open', 'claimed'])),
      ),
    )
    .for('update');
  return { task: rows.find((t) => t.id === taskId) ?? null, others: rows.filter((t) => t.id !== taskId) };
}
