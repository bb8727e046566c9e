import type http from 'node:http';
import { Server } from 'socket.io';
import type { Db } from '../core/db.js';
import type { Task } from '../db/schema.js';
import type { StepEvent, TaskEvent } from './task-event.schema.js';
import { oversightRooms, watchRoom } from './oversight-rooms.js';
import { findSessionUser } from '../auth/sessions.repository.js';
import { SESSION_COOKIE } from '../auth/auth.routes.js';
import type { LiveUpdates, TaskChangeSet } from './live-updates.js';
import { isOwnOrigin, type OriginPolicy } from '../http/same-origin.js';
import { postgresAdapter } from './postgres-adapter.js';

export interface SocketUpdates extends LiveUpdates {
  /** Disconnects this process's sockets and stops hearing the other processes; before the database closes. */
  close(): Promise<void>;
}

/**
 * socket.io rooms per department (`dept:<code>`), per user (`user:<id>`) and, for those who
 * oversee departments, a watch room per department (`watch:<code>`); a socket joins the
 * rooms of the signed-in user found from the session cookie, and nothing else. The handshake
 * must come from one of our own pages (the CSRF guard's rule), or another site's page could
 * read the officer's live task feed with the officer's cookie. A command's changes go through
 * PostgreSQL (`databaseUrl`) to every server process on the same database, which emits them to
 * its own sockets.
 */
export function attachSocketUpdates(
  server: http.Server,
  db: Db,
  databaseUrl: string,
  origins: OriginPolicy,
): SocketUpdates {
  const cluster = postgresAdapter(databaseUrl);
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    adapter: cluster.adapter,
    // No Origin: not another site's page (browsers send it on every WebSocket handshake and cross-origin poll).
    allowRequest: (req, callback) =>
      callback(null, !req.headers.origin || isOwnOrigin(req, req.headers.origin, origins)),
  });
  io.on('connection', async (socket) => {
    const token = parseCookie(socket.handshake.headers.cookie ?? '', SESSION_COOKIE);
    const user = token ? await findSessionUser(db, token).catch(() => null) : null;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    await socket.join([
      `user:${user.id}`,
      ...user.departments.map((d) => `dept:${d.code}`),
      ...(await oversightRooms(db, user)),
    ]);
    socket.emit('ready', { userId: user.id });
  });
  const deliver = (changes: TaskChange[]) => {
    for (const { event, task } of changes) {
      const rooms = [
        ...task.departmentCodes.map((c) => `dept:${c}`),
        ...(task.assigneeId ? [`user:${task.assigneeId}`] : []),
      ];
      const payload: TaskEvent = {
        id: task.id,
        dossierId: task.dossierId,
        name: task.name,
        status: task.status,
        assigneeId: task.assigneeId,
      };
      io.local.to(rooms).emit(event, payload);
      const step: StepEvent = {
        taskId: task.id,
        dossierId: task.dossierId,
        elementId: task.elementId,
        status: task.status,
      };
      io.local.to(task.departmentCodes.map(watchRoom)).emit('step.changed', step);
    }
  };
  // One NOTIFY per command for every process, whatever it changed: an emit per event and room
  // set was one each (a completion closing one task and opening the next sent four).
  io.on(TASKS_CHANGED, deliver);
  const publish = (changes: TaskChange[]) => {
    if (!changes.length) return;
    deliver(changes);
    io.serverSideEmit(TASKS_CHANGED, changes);
  };
  return {
    tasksChanged(changes: TaskChangeSet) {
      publish([
        ...changes.created.map((task) => change('task.created', task)),
        ...changes.closed.map((task) => change('task.closed', task)),
      ]);
    },
    taskUpdated(task: Task) {
      publish([change('task.updated', task)]);
    },
    async close() {
      // io.close() also closes the HTTP server: the caller has already begun that, so it answers at once.
      await io.close();
      await cluster.end();
    },
  };
}

const TASKS_CHANGED = 'motcua:tasks-changed';

/** A task change as it travels between processes: the fields the rooms and the events need. */
interface TaskChange {
  event: 'task.created' | 'task.closed' | 'task.updated';
  task: Pick<Task, 'id' | 'dossierId' | 'name' | 'status' | 'assigneeId' | 'departmentCodes' | 'elementId'>;
}

function change(event: TaskChange['event'], task: Task): TaskChange {
  const { id, dossierId, name, status, assigneeId, departmentCodes, elementId } = task;
  return { event, task: { id, dossierId, name, status, assigneeId, departmentCodes, elementId } };
}

function parseCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
