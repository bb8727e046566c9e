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
 * read the officer's live task feed with the officer's cookie. Broadcasts go through PostgreSQL
 * (`databaseUrl`) to every server process on the same database.
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
  const emitTask = (event: string, task: Task) => {
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
    io.to(rooms).emit(event, payload);
    const step: StepEvent = {
      taskId: task.id,
      dossierId: task.dossierId,
      elementId: task.elementId,
      status: task.status,
    };
    io.to(task.departmentCodes.map(watchRoom)).emit('step.changed', step);
  };
  return {
    tasksChanged(changes: TaskChangeSet) {
      for (const task of changes.created) emitTask('task.created', task);
      for (const task of changes.closed) emitTask('task.closed', task);
    },
    taskUpdated(task: Task) {
      emitTask('task.updated', task);
    },
    async close() {
      // io.close() also closes the HTTP server: the caller has already begun that, so it answers at once.
      await io.close();
      await cluster.end();
    },
  };
}

function parseCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
