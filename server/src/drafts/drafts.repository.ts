import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { errors } from '../core/errors.js';
import { procedureDrafts, procedures, users } from '../db/schema.js';
import type { DraftContent, Draft, DraftSummary, SavedDraft } from './drafts.schema.js';

const columns = {
  code: procedureDrafts.procedureCode,
  revision: procedureDrafts.revision,
  baseVersion: procedureDrafts.baseVersion,
  updatedAt: procedureDrafts.updatedAt,
  content: procedureDrafts.content,
  username: users.username,
  fullName: users.fullName,
};

function selectDrafts(db: Queryable) {
  return db.select(columns).from(procedureDrafts).innerJoin(users, eq(users.id, procedureDrafts.updatedBy));
}

type Row = Awaited<ReturnType<typeof selectDrafts>>[number];

/** Every open draft, by procedure code, with who saved it last. */
export async function listDrafts(db: Queryable): Promise<DraftSummary[]> {
  const rows = await selectDrafts(db).orderBy(asc(procedureDrafts.procedureCode));
  return rows.map((row) => {
    const { content, ...summary } = presentDraft(row);
    return { ...summary, name: content.facts.name };
  });
}

export async function findDraft(db: Queryable, code: string): Promise<Draft | null> {
  const [row] = await selectDrafts(db).where(eq(procedureDrafts.procedureCode, code));
  return row ? presentDraft(row) : null;
}

/**
 * Saves the content over `revision` and answers the next one. Revision 0 begins a draft; any
 * other must be the one stored, else someone saved since: 409 with their revision, so the
 * designer reloads theirs or saves again over it. The check and the write are one statement.
 */
export async function saveDraft(
  db: Queryable,
  code: string,
  { revision, content }: { revision: number; content: DraftContent },
  userId: string,
): Promise<SavedDraft> {
  const now = new Date();
  const [row] =
    revision === 0
      ? await db
          .insert(procedureDrafts)
          .values({
            procedureCode: code,
            revision: 1,
            content,
            baseVersion: baseVersionOf(code),
            updatedBy: userId,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(procedureDrafts)
          .set({ revision: sql`${procedureDrafts.revision} + 1`, content, updatedBy: userId, updatedAt: now })
          .where(and(eq(procedureDrafts.procedureCode, code), eq(procedureDrafts.revision, revision)))
          .returning();
  if (!row) throw await refusal(db, code);
  const [saver] = await db.select({ fullName: users.fullName }).from(users).where(eq(users.id, userId));
  return { revision: row.revision, updatedAt: row.updatedAt.toISOString(), updatedBy: saver!.fullName };
}

/** Removes the draft if it is still at `revision` (a save after a deploy read it stays). */
export async function deleteDraft(db: Queryable, code: string, revision?: number): Promise<boolean> {
  const match = eq(procedureDrafts.procedureCode, code);
  const rows = await db
    .delete(procedureDrafts)
    .where(revision === undefined ? match : and(match, eq(procedureDrafts.revision, revision)))
    .returning({ code: procedureDrafts.procedureCode });
  return rows.length > 0;
}

/** Why a save or deploy at a revision failed: someone saved since (409), or there is no draft (404). */
export async function refusal(db: Queryable, code: string) {
  const draft = await findDraft(db, code);
  if (!draft) return errors.draftNotFound(code);
  return errors.draftConflict(code, {
    revision: draft.revision,
    updatedBy: draft.updatedBy.fullName,
    updatedAt: draft.updatedAt,
  });
}

/** The procedure's current version, read as the draft row is written. */
function baseVersionOf(code: string) {
  return sql<
    number | null
  >`(select ${procedures.currentVersion} from ${procedures} where ${procedures.code} = ${code})`;
}

function presentDraft({ username, fullName, updatedAt, ...row }: Row): Draft {
  return {
    ...row,
    name: row.content.facts.name,
    updatedAt: updatedAt.toISOString(),
    updatedBy: { username, fullName },
  };
}
