import { EventEmitter } from 'node:events';
import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import type pg from 'pg';
import type { Db } from '../core/db.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { fireDueTimers } from '../dossiers/fire-due-timers.js';
import { deliverNotices } from '../notify/deliver.js';
import type { Channel } from '../notify/channels.js';
import { sendDeadlineReminders } from '../deadlines/reminders.js';
import { errorFields, logger } from '../core/logger.js';

const JOB_LOCK_LIFETIME_MS = 15_000;

export interface JobOptions {
  /** How often each job looks for due work. */
  intervalMs: number;
  /** Working hours before a deadline at which reminders go out. */
  remindAheadHours: number;
  channels: Record<string, Channel>;
}

/**
 * The background jobs, on agenda with its PostgreSQL backend so that several server processes
 * share one schedule and agenda's job locks keep each run to one process. The jobs themselves
 * are also safe to run concurrently (row locks with SKIP LOCKED), which is what makes a timer
 * fire exactly once.
 */
export async function startJobs(
  pool: pg.Pool,
  db: Db,
  live: LiveUpdates,
  options: JobOptions,
): Promise<{ stop(graceMs: number): Promise<void> }> {
  const backend = new PostgresBackend({ pool });
  // agenda leaves its LISTEN connection's errors unhandled, so a PostgreSQL restart (57P01) would
  // end the process; the channel reconnects by itself, so a warning is all it takes.
  const channel = backend.notificationChannel;
  if (channel instanceof EventEmitter) {
    channel.on('error', (err: unknown) =>
      logger.warn(
        { component: 'jobs', ...errorFields(err) },
        'job notifications lost their connection: reconnecting',
      ),
    );
  }
  const agenda = new Agenda({
    backend,
    processEvery: options.intervalMs,
    // A process killed mid-run leaves its job locked until the lock's lifetime ends: with
    // agenda's minutes, timers due after a crash waited that long. The jobs are safe to run
    // twice at once (SKIP LOCKED), so a short lifetime costs nothing but an idle second run.
    defaultLockLifetime: JOB_LOCK_LIFETIME_MS,
  });
  const report = (name: string) => (err: unknown) =>
    logger.error({ job: name, ...errorFields(err) }, 'job failed');
  agenda.define(
    'fire-due-timers',
    async () => void (await fireDueTimers({ db, live }).catch(report('timers'))),
  );
  agenda.define(
    'deliver-notices',
    async () => void (await deliverNotices(db, options.channels).catch(report('notices'))),
  );
  agenda.define(
    'deadline-reminders',
    async () => void (await sendDeadlineReminders(db, options.remindAheadHours).catch(report('reminders'))),
  );
  await agenda.start();
  const every = `${Math.max(1, Math.round(options.intervalMs / 1000))} seconds`;
  await agenda.every(every, 'fire-due-timers');
  await agenda.every(every, 'deliver-notices');
  await agenda.every('1 minute', 'deadline-reminders');
  // drain, not stop: stop unlocks and returns while a run goes on against a pool about to close.
  return { stop: async (graceMs) => void (await agenda.drain(graceMs)) };
}
