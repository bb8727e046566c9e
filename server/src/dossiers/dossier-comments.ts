import { asc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db.js';
import { dossierComments } from '../db/schema.js';
import type { DossierComment } from './dossier-comments.schema.js';

export interface NewComment {
  dossierId: string;
  actor: { id: string; fullName: string };
  kind: 'comment' | 'reason';
  step?: { id: string; name: string } | null;
  outcome?: string | null;
  body: string;
  at: Date;
}

/** Appends to a dossier's thread, in the command's transaction. */
export async function insertComment(tx: Tx, comment: NewComment): Promise<void> {
  await tx.insert(dossierComments).values({
    dossierId: comment.dossierId,
    authorId: comment.actor.id,
    authorName: comment.actor.fullName,
    kind: comment.kind,
    stepId: comment.step?.id ?? null,
    stepName: comment.step?.name ?? null,
    outcome: comment.outcome ?? null,
    body: comment.body,
    createdAt: comment.at,
  });
}

/** A dossier's thread, oldest first. */
export async function listComments(db: Queryable, dossierId: string): Promise<DossierComment[]> {
  const rows = await db
    .select()
    .from(dossierComments)
    .where(eq(dossierComments.dossierId, dossierId))
    .orderBy(asc(dossierComments.createdAt), asc(dossierComments.id));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    authorName: r.authorName,
    stepId: r.stepId,
    stepName: r.stepName,
    outcome: r.outcome,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
  }));
}
