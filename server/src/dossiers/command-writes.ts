import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { dossierEvents, tasks, type Task } from '../db/schema.js';

export type NewTask = typeof tasks.$inferInsert;
export type NewEvent = typeof dossierEvents.$inferInsert;

/**
 * Sends a command's writes in one statement: each of `others` as a data-modifying CTE ahead of
 * the insert of the new tasks, whose rows come back. PostgreSQL runs every such CTE exactly once
 * whether or not the main query reads it, all on one snapshot, so none may touch a row another
 * touches; a command's writes are to different rows (the completed task, the dossier, its new
 * events, its new tasks). Triggers fire for each as for a statement of its own.
 */
export async function writeTogether(
  tx: Tx,
  { tasks: rows, others }: { tasks: NewTask[]; others: SQLWrapper[] },
): Promise<Task[]> {
  if (rows.length) {
    const ctes = others.map((write, i) => tx.$with(`write_${i}`, {}).as(write.getSQL()));
    return tx
      .with(...ctes)
      .insert(tasks)
      .values(rows)
      .returning();
  }
  if (!others.length) return [];
  const [main, ...before] = [others.at(-1)!, ...others.slice(0, -1)];
  await tx.execute(before.length ? sql`with ${withList(before)} ${main.getSQL()}` : main.getSQL());
  return [];
}

function withList(writes: SQLWrapper[]): SQL {
  return sql.join(
    // getSQL(): a query builder put in a template is wrapped in parentheses, which a CTE's
    // statement and the main statement must not be.
    writes.map((write, i) => sql`${sql.identifier(`write_${i}`)} as (${write.getSQL()})`),
    sql`, `,
  );
}
