import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { idempotencyScope } from '../http/idempotency.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import {
  ClaimedTask,
  CompleteTaskBody,
  CompletedTask,
  InboxPage,
  InboxQuery,
  TaskParams,
} from './tasks.schema.js';
import { claimTask, listInbox, unclaimTask } from './tasks.service.js';
import { completeTask } from './complete-task.js';
import { timeCommand } from '../ops/metrics.js';

const WORKERS = ['officer', 'leader', 'receptionist'] as const;

export function taskRoutes(db: Db, live: LiveUpdates) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/tasks',
      summary: 'The inbox: tasks of my departments (scope=department) or claimed by me (scope=mine)',
      tag: 'tasks',
      access: WORKERS,
      scope: 'listed',
      errors: ['not_in_department'],
      query: InboxQuery,
      responses: { 200: InboxPage },
      handler: async (ctx, { query, user }) => {
        ctx.body = await listInbox(db, user, query);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/claim',
      summary: 'Claim a task (409 when someone else has it)',
      tag: 'tasks',
      access: WORKERS,
      scope: { dossier: 'task' },
      params: TaskParams,
      errors: ['task_other_department', 'task_role_required', 'task_closed', 'task_claimed'],
      responses: { 200: ClaimedTask },
      handler: async (ctx, { params, user }) => {
        ctx.body = await claimTask(db, live, user, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/unclaim',
      summary: 'Release a claimed task back to the department',
      tag: 'tasks',
      access: WORKERS,
      scope: { dossier: 'task' },
      params: TaskParams,
      errors: ['task_other_department', 'task_role_required', 'task_closed', 'task_claimed'],
      responses: { 200: ClaimedTask },
      handler: async (ctx, { params, user }) => {
        ctx.body = await unclaimTask(db, live, user, params.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/tasks/:id/complete',
      summary:
        'Complete a task with an outcome and data; the dossier moves on (409 if already done; honours Idempotency-Key)',
      tag: 'tasks',
      access: WORKERS,
      scope: { dossier: 'task' },
      params: TaskParams,
      errors: [
        'invalid_idempotency_key',
        'idempotency_key_reused',
        'task_other_department',
        'task_role_required',
        'dossier_awaiting_supplement',
        'task_closed',
        'task_claimed',
        'process_cannot_continue',
      ],
      body: CompleteTaskBody,
      responses: { 200: CompletedTask },
      handler: async (ctx, { params, body, dossier, user }) => {
        const { id } = params;
        ctx.body = await timeCommand('completion', () =>
          completeTask({
            db,
            live,
            user,
            dossier: dossier!,
            taskId: id,
            body,
            idempotency: idempotencyScope(ctx, user.id, `POST /api/tasks/${id}/complete`, body),
          }),
        );
      },
    }),
  ];
}
