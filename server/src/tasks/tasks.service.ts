import { presentOpenTask } from '../dossiers/present-open-task.js';
import { clock } from '../core/clock.js';
import type { Static } from '@sinclair/typebox';
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers, procedureVersions, tasks, type Task } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import type { InboxQuery } from './tasks.schema.js';
import { assertMayWork, assertOpen } from './task-access.js';
import { findTask } from './tasks.repository.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { dueOf } from './due-state.js';

/**
 * The inbox: open and claimed tasks of my departments (`department`), only those still free or
 * mine (`available`), or those claimed by me (`mine`); soonest due first. Each task says how it
 * stands against its due time in working time (the agency's calendar).
 */
export async function listInbox(db: Db, user: SessionUser, query: Static<typeof InboxQuery>) {
  const where: SQL[] = [inArray(tasks.status, ['open', 'claimed'])];
  if (query.scope === 'mine') {
    where.push(eq(tasks.assigneeId, user.id));
  } else {
    const codes = query.department ? [query.department] : user.departments.map((d) => d.code);
    if (query.department && !user.departments.some((d) => d.code === query.department)) {
      throw errors.notInDepartment(`You do not belong to department ${query.department}`);
    }
    if (!codes.length) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    where.push(sql`${tasks.departmentCodes} && ${sql.param(codes)}::text[]`);
    where.push(sql`(${tasks.role} is null or ${tasks.role} = any(${sql.param(user.roles)}::text[]))`);
    if (query.scope === 'available')
      where.push(sql`(${tasks.status} = 'open' or ${tasks.assigneeId} = ${user.id})`);
  }
  if (query.procedure) where.push(eq(dossiers.procedureCode, query.procedure));
  const condition = and(...where);
  const order =
    query.sort === 'due'
      ? [sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt)]
      : [asc(tasks.createdAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        task: tasks,
        dossier: {
          code: dossiers.code,
          procedureCode: dossiers.procedureCode,
          applicantName: dossiers.applicantName,
          receivedAt: dossiers.receivedAt,
          dueAt: dossiers.dueAt,
        },
        agencyCode: dossiers.agencyCode,
        pausedAt: dossiers.pausedAt,
        outcomes: sql<
          string[] | null
        >`${procedureVersions.steps} -> 'userTasks' -> ${tasks.elementId} -> 'outcomes'`,
      })
      .from(tasks)
      .innerJoin(dossiers, eq(dossiers.id, tasks.dossierId))
      .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
      .where(condition)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ n: count() })
      .from(tasks)
      .innerJoin(dossiers, eq(dossiers.id, tasks.dossierId))
      .where(condition),
  ]);
  const now = clock.now();
  const agencies = [...new Set(rows.map((r) => r.agencyCode))];
  const calendars = new Map(
    await Promise.all(agencies.map(async (code) => [code, await calendarFor(db, code)] as const)),
  );
  return {
    items: rows.map((r) => ({
      ...presentTask(r.task),
      outcomes: r.outcomes ?? [],
      due: dueOf(r.task.dueAt, now, r.pausedAt !== null, calendars.get(r.agencyCode)!),
      dossier: {
        ...r.dossier,
        receivedAt: r.dossier.receivedAt.toISOString(),
        dueAt: r.dossier.dueAt.toISOString(),
      },
    })),
    total: total!.n,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Claims a task in one statement when it is open and the user may work it; only when that
 * fails is the task read again, to say why (404, 403, 409, or already mine).
 */
export async function claimTask(db: Db, live: LiveUpdates, user: SessionUser, id: string) {
  const departmentCodes = user.departments.map((d) => d.code);
  const [claimed] = await db
    .update(tasks)
    .set({ status: 'claimed', assigneeId: user.id, claimedAt: clock.now() })
    .where(
      and(
        eq(tasks.id, id),
        eq(tasks.status, 'open'),
        sql`${tasks.departmentCodes} && ${sql.param(departmentCodes)}::text[]`,
        sql`(${tasks.role} is null or ${tasks.role} = any(${sql.param(user.roles)}::text[]))`,
      ),
    )
    .returning();
  if (claimed) {
    live.taskUpdated(claimed);
    return presentTask(claimed);
  }
  const task = await findTask(db, id);
  if (!task) throw errors.taskNotFound();
  assertMayWork(user, task);
  assertOpen(task);
  if (task.assigneeId === user.id) return presentTask(task);
  throw errors.taskClaimed(task.assigneeId);
}

export async function unclaimTask(db: Db, live: LiveUpdates, user: SessionUser, id: string) {
  const task = await db.transaction(async (tx) => {
    const task = await findTask(tx, id, true);
    if (!task) throw errors.taskNotFound();
    assertMayWork(user, task);
    assertOpen(task);
    if (task.status === 'open') return task;
    if (task.assigneeId !== user.id && !user.roles.includes('leader')) {
      throw errors.taskClaimed(
        task.assigneeId,
        'Someone else has claimed this task: only they or a leader can release it',
      );
    }
    const [released] = await tx
      .update(tasks)
      .set({ status: 'open', assigneeId: null, claimedAt: null })
      .where(eq(tasks.id, id))
      .returning();
    return released!;
  });
  live.taskUpdated(task);
  return presentTask(task);
}

export function presentTask(t: Task) {
  return { ...presentOpenTask(t), role: t.role };
}
