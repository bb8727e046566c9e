import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { tasks, type Task } from '../db/schema.js';

export async function findTask(db: Queryable, id: string, forUpdate = false): Promise<Task | null> {
  const query = db.select().from(tasks).where(eq(tasks.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
