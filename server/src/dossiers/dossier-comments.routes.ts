import { Type } from '@sinclair/typebox';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import { tasks } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { defineRoute } from '../http/route.js';
import { noLiveUpdates } from '../realtime/live-updates.js';
import { runDossierCommand } from './run-dossier-command.js';
import { DossierCodeParams } from './dossiers.schema.js';
import { DossierComment, PostCommentBody } from './dossier-comments.schema.js';
import { insertComment, listComments } from './dossier-comments.js';

const STAFF = ['receptionist', 'officer', 'leader', 'supervisor', 'admin'] as const;

export function dossierCommentRoutes(db: Db) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/comments',
      summary:
        "Write on the dossier's thread, at one of its open steps or on the dossier; answers the thread",
      tag: 'dossiers',
      access: STAFF,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['task_not_found'],
      body: PostCommentBody,
      responses: { 201: Type.Array(DossierComment) },
      handler: async (ctx, { dossier, body, user }) => {
        const { answer } = await runDossierCommand({
          db,
          live: noLiveUpdates,
          actor: user,
          target: dossier!,
          apply: async ({ tx, dossier: locked, now }) => {
            const step = body.taskId ? await openStep(tx, locked.id, body.taskId) : null;
            await insertComment(tx, {
              dossierId: locked.id,
              actor: user,
              kind: 'comment',
              step,
              body: body.body.trim(),
              at: now,
            });
            return listComments(tx, locked.id);
          },
        });
        ctx.status = 201;
        ctx.body = answer;
      },
    }),
  ];
}

/** The step an open task of this dossier stands for; a task of another dossier, or closed, is not found. */
async function openStep(tx: Tx, dossierId: string, taskId: string) {
  const [task] = await tx
    .select({ id: tasks.elementId, name: tasks.name })
    .from(tasks)
    .where(
      and(eq(tasks.id, taskId), eq(tasks.dossierId, dossierId), inArray(tasks.status, ['open', 'claimed'])),
    );
  if (!task) throw errors.taskNotFound();
  return task;
}
