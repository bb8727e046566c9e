import type { Database } from '../../server/src/core/db.js';
import { calendarFor } from '../../server/src/calendar/calendar.repository.js';
import { seedPublicHolidays } from '../../server/src/calendar/holidays-seed.js';
import type { WorkingCalendar } from '../../server/src/calendar/working-time.js';
import { departmentCode } from './catalogue.js';
import { withIndexesDeferred, withTriggersDeferred } from './bulk-load.js';
import { buildTemplates } from './engine-templates.js';
import { planDossier, type PlanContext } from './dossier-plan.js';
import { addDossier, archiveBuffers, type ArchiveBuffers } from './dossier-rows.js';
import { randomApplicant } from './people.js';
import { Random } from './random.js';
import { setUpArchive, type ArchiveProcedure } from './setup.js';

export interface GenerateOptions {
  dossiers: number;
  years: number;
  seed: number;
  now: Date;
  /** Dossiers per COPY round trip. */
  chunk: number;
  /**
   * 'deferred': the feed and count triggers are off during COPY and their rows written after it
   * in two statements; 'live': they fire on every copied row (to measure what that costs).
   */
  triggers?: 'deferred' | 'live';
  log: (line: string) => void;
}

export interface GenerateStats {
  dossiers: number;
  tasks: number;
  events: number;
  /** feed and counts: the writes after a deferred load (0 when the triggers ran live). */
  seconds: { rows: number; indexes: number; feed: number; counts: number; total: number };
}

const DAY_MS = 86_400_000;

/**
 * Fills an empty, migrated database with an archive of `dossiers` dossiers received over the
 * last `years` years, spread evenly over working days (skewed across procedures by volume),
 * with their tasks and control-slip events, written by COPY.
 */
export async function generateArchive(database: Database, options: GenerateOptions): Promise<GenerateStats> {
  const started = performance.now();
  const { db, pool } = database;
  const random = new Random(options.seed);
  await seedPublicHolidays(db);
  const calendar = await calendarFor(db);
  const archive = await setUpArchive(db, random);
  let execution = 0;
  const ctx: PlanContext = {
    random,
    archive,
    calendar,
    now: options.now,
    templates: new Map(),
    nextExecution: () => (++execution).toString(16).padStart(10, '0'),
  };
  for (const p of archive.procedures) ctx.templates.set(p.version.id, await buildTemplates(p.version));
  const days = workingDays(calendar, options.now, options.years);
  const counts = { dossiers: 0, tasks: 0, events: 0 };
  let rowsDone = 0;
  const load = () => loadRows(pool, ctx, options, days, counts, started).then((done) => (rowsDone = done));
  const deferred =
    (options.triggers ?? 'deferred') === 'deferred'
      ? (await withTriggersDeferred(pool, ['dossiers', 'tasks'], load)).seconds
      : (await load(), { feed: 0, counts: 0 });
  await pool.query(
    'vacuum analyze dossiers, tasks, dossier_events, dossier_status_feed, dossier_month_counts',
  );
  const total = (performance.now() - started) / 1000;
  const rows = (rowsDone - started) / 1000;
  return {
    ...counts,
    seconds: {
      rows: round(rows),
      indexes: round(total - rows - deferred.feed - deferred.counts),
      ...deferred,
      total: round(total),
    },
  };
}

/** COPYs every day's rows with the indexes set aside; resolves with the instant the rows were in. */
async function loadRows(
  pool: Database['pool'],
  ctx: PlanContext,
  options: GenerateOptions,
  days: LocalDay[],
  counts: { dossiers: number; tasks: number; events: number },
  started: number,
): Promise<number> {
  let rowsDone = 0;
  await withIndexesDeferred(pool, ['dossiers', 'tasks', 'dossier_events'], async () => {
    const buffers = archiveBuffers();
    const progress = progressLine(options, started);
    // One COPY round in flight while the next chunk is generated: PostgreSQL and this process
    // each keep a core busy. Yielding after each day lets the socket writes go out meanwhile.
    let inFlight: Promise<void> = Promise.resolve();
    for (const [i, day] of days.entries()) {
      const n =
        Math.floor(((i + 1) * options.dossiers) / days.length) -
        Math.floor((i * options.dossiers) / days.length);
      generateDay(ctx, buffers, day, n);
      counts.dossiers += n;
      if (buffers.dossiers.size >= options.chunk || i === days.length - 1) {
        await inFlight;
        inFlight = flush(buffers, pool, counts);
      }
      progress(counts.dossiers);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await inFlight;
    await writeSequences(pool, days);
    rowsDone = performance.now();
    options.log('building indexes and foreign keys…');
  });
  return rowsDone;
}

/** Starts the COPY of everything buffered; the buffers are free for the next chunk at once. */
function flush(
  buffers: ArchiveBuffers,
  pool: Database['pool'],
  counts: { tasks: number; events: number },
): Promise<void> {
  counts.tasks += buffers.tasks.size;
  counts.events += buffers.events.size;
  return Promise.all([
    buffers.dossiers.flush(pool),
    buffers.tasks.flush(pool),
    buffers.events.flush(pool),
  ]).then(() => {});
}

/** One local day's dossiers, in order of arrival, numbered per ward as the desk would. */
function generateDay(ctx: PlanContext, buffers: ArchiveBuffers, day: LocalDay, n: number): void {
  const arrivals = Array.from({ length: n }, () => ({
    procedure: pickProcedure(ctx),
    at: arrivalTime(ctx.random, day),
  }));
  arrivals.sort((a, b) => a.at - b.at);
  const sequence = new Map<string, number>();
  for (const { procedure, at } of arrivals) {
    const agency = procedure.agency;
    const next = (sequence.get(agency.code) ?? 0) + 1;
    sequence.set(agency.code, next);
    const planned = planDossier(ctx, procedure, new Date(at));
    const reception = {
      code: `${agency.code}-${day.date.slice(2).replaceAll('-', '')}-${String(next).padStart(4, '0')}`,
      applicant: randomApplicant(ctx.random, agency.name.replace('UBND ', '')),
      channel: pickChannel(ctx.random),
      receptionist: ctx.random.pick(ctx.archive.staff.get(departmentCode(agency, 'MC'))!),
    };
    addDossier(buffers, planned, reception, ctx.random);
  }
  day.sequences = sequence;
}

interface LocalDay {
  date: string;
  /** UTC instant of local midnight. */
  start: number;
  periods: readonly (readonly [number, number])[];
  sequences?: Map<string, number>;
}

/** Working days (local dates) from `years` years before `now` up to yesterday. */
function workingDays(calendar: WorkingCalendar, now: Date, years: number): LocalDay[] {
  const today = Date.parse(
    `${new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)}T00:00:00+07:00`,
  );
  const days: LocalDay[] = [];
  for (let start = today - Math.round(years * 365.25) * DAY_MS; start < today; start += DAY_MS) {
    const date = new Date(start + 7 * 3600_000).toISOString().slice(0, 10);
    const periods = calendar.periodsOn(date);
    if (periods.length) days.push({ date, start, periods });
  }
  return days;
}

/** An instant inside the day's working periods, uniformly over their minutes. */
function arrivalTime(random: Random, day: LocalDay): number {
  const total = day.periods.reduce((sum, [a, b]) => sum + b - a, 0);
  let minute = random.next() * total;
  for (const [a, b] of day.periods) {
    if (minute < b - a) return day.start + (a + minute) * 60_000;
    minute -= b - a;
  }
  return day.start + day.periods[0]![0] * 60_000;
}

function pickProcedure(ctx: PlanContext): ArchiveProcedure {
  const procedures = ctx.archive.procedures;
  const total = procedures.reduce((sum, p) => sum + p.spec.volume, 0);
  let x = ctx.random.next() * total;
  for (const p of procedures) if ((x -= p.spec.volume) <= 0) return p;
  return procedures[0]!;
}

function pickChannel(random: Random): string {
  const r = random.next();
  return r < 0.35 ? 'online' : r < 0.95 ? 'in_person' : 'post';
}

/** The per-ward, per-day counters, so codes the live server issues later never collide. */
async function writeSequences(pool: Database['pool'], days: LocalDay[]) {
  const rows = days.flatMap((d) =>
    [...(d.sequences ?? new Map<string, number>())].map(([agency, last]) => [agency, d.date, last]),
  );
  for (let i = 0; i < rows.length; i += 5000) {
    const slice = rows.slice(i, i + 5000);
    await pool.query(
      `insert into dossier_sequences (agency_code, day, last) select * from unnest($1::text[], $2::date[], $3::int[])`,
      [slice.map((r) => r[0]), slice.map((r) => r[1]), slice.map((r) => r[2])],
    );
  }
}

function progressLine(options: GenerateOptions, started: number) {
  let shown = -1;
  return (done: number) => {
    const percent = Math.floor((done / options.dossiers) * 20) * 5;
    if (percent === shown) return;
    shown = percent;
    const seconds = (performance.now() - started) / 1000;
    const bar = '#'.repeat(percent / 5).padEnd(20, '.');
    options.log(
      `generate [${bar}] ${percent}% ${done}/${options.dossiers} dossiers, ${seconds.toFixed(1)} s, ${Math.round(done / seconds)}/s`,
    );
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
