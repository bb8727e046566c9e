import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import type { SessionUser } from '../core/roles.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import {
  addWorkingTime,
  localDateOf,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../calendar/working-time.js';
import { remainingPath, type ForecastVersion, type StepMedians } from './forecast-paths.js';
import type { Forecast, ForecastDossier, ForecastQuery, ForecastStep } from './forecast.schema.js';
import { MAX_PERIOD_DAYS, stepDurations } from './step-durations.js';

/** The most open steps one request forecasts: those of the dossiers promised soonest. */
export const MAX_FORECAST_STEPS = 5000;
/** The history the medians come from: the days up to today, as long as a step report may cover. */
const HISTORY_DAYS = MAX_PERIOD_DAYS - 1;
const DAY_MS = 86_400_000;

// The open steps of open, unpaused dossiers in the caller's scope whose promised date is still
// ahead ($2: admin, $3 agencies, $4 departments, as dossierScope has it).
const OPEN_STEPS = `
  select t.element_id, t.name, t.created_at, d.code, d.due_at, d.agency_code, d.procedure_code,
         d.procedure_version_id as version_id, p.name as procedure_name
    from tasks t
    join dossiers d on d.id = t.dossier_id
    join procedures p on p.code = d.procedure_code
   where t.status in ('open', 'claimed') and d.finished_at is null and d.paused_at is null
     and d.due_at > $1
     and ($2::boolean or d.agency_code = any($3::text[]) or d.involved_departments && $4::text[])
   order by d.due_at, d.code, t.element_id
   limit $5`;

// Each version's diagram is read once, not once per open step: a diagram is tens of kilobytes.
const VERSIONS = `select id, checksum, bpmn, steps from procedure_versions where id = any($1::int[])`;

interface OpenStepRow {
  element_id: string;
  name: string;
  created_at: Date;
  code: string;
  due_at: Date;
  agency_code: string;
  procedure_code: string;
  procedure_name: string;
  version_id: number;
}

/**
 * The dossiers forecast to be late while still on time: each open step's remaining path to an
 * end (the longest by historical medians, see forecast-paths.ts), the time left in the open
 * step (its median less the working time already spent there, at least 0) plus the medians of
 * the later steps, added in working time of the dossier's agency calendar to now. A dossier
 * with parallel open steps finishes with the latest of them. Medians are read once per
 * procedure per request, over every agency's history of the last year.
 */
export async function forecast(db: Db, user: SessionUser, query: ForecastQuery): Promise<Forecast> {
  const now = clock.now();
  const { rows } = await db.$client.query<OpenStepRow>(OPEN_STEPS, [
    now,
    user.roles.includes('admin'),
    user.agencies,
    user.departments.map((d) => d.code),
    MAX_FORECAST_STEPS + 1,
  ]);
  const complete = rows.length <= MAX_FORECAST_STEPS;
  const steps = rows.slice(0, MAX_FORECAST_STEPS);
  const versions = await versionsOf(db, steps);
  const medians = await mediansByProcedure(db, new Set(steps.map((r) => r.procedure_code)), now);
  const calendars = new Map<string, WorkingCalendar>();
  for (const code of new Set(steps.map((r) => r.agency_code)))
    calendars.set(code, await calendarFor(db, code));
  const latest = new Map<string, ForecastDossier>();
  for (const row of steps) {
    const calendar = calendars.get(row.agency_code)!;
    const version = versions.get(row.version_id)!;
    const item = await forecastStep(row, version, medians.get(row.procedure_code)!, calendar, now);
    const known = latest.get(row.code);
    if (!known || item.forecastAt > known.forecastAt) latest.set(row.code, item);
  }
  const late = [...latest.values()].filter((d) => d.hoursLate > 0);
  return {
    at: now.toISOString(),
    dossiers: late.slice(0, query.limit ?? 100),
    considered: latest.size,
    complete,
  };
}

async function forecastStep(
  row: OpenStepRow,
  version: ForecastVersion,
  medians: StepMedians,
  calendar: WorkingCalendar,
  now: Date,
): Promise<ForecastDossier> {
  const path = await remainingPath(version, row.element_id, medians);
  const spent = workingMinutesBetween(row.created_at, now, calendar) / 60;
  const counted: ForecastStep[] = path.map((step, i) =>
    i === 0 ? { ...step, hours: Math.max(0, step.hours - spent) } : step,
  );
  const hours = counted.reduce((sum, s) => sum + s.hours, 0);
  const forecastAt = addWorkingTime(now, hours, 'hours', calendar);
  const dueAt = new Date(row.due_at);
  const bottleneck = counted.reduce<ForecastStep | null>((a, s) => (s.hours > (a?.hours ?? 0) ? s : a), null);
  return {
    dossierCode: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    currentStep: { elementId: row.element_id, name: row.name },
    dueAt: dueAt.toISOString(),
    forecastAt: forecastAt.toISOString(),
    hoursLate: round2(workingMinutesBetween(dueAt, forecastAt, calendar) / 60),
    bottleneck: bottleneck && { ...bottleneck, hours: round2(bottleneck.hours) },
  };
}

async function versionsOf(db: Db, steps: OpenStepRow[]): Promise<Map<number, ForecastVersion>> {
  const ids = [...new Set(steps.map((r) => r.version_id))];
  const { rows } = await db.$client.query<ForecastVersion & { id: number }>(VERSIONS, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each procedure's step medians (total time in step, working hours) over the last year. */
async function mediansByProcedure(db: Db, procedures: Set<string>, now: Date) {
  const to = localDateOf(now);
  const from = localDateOf(new Date(now.getTime() - HISTORY_DAYS * DAY_MS));
  const result = new Map<string, StepMedians>();
  for (const procedure of procedures) {
    const rows = await stepDurations(db, { procedure, from, to }, null);
    const known = rows
      .filter((r) => r.total.median !== null)
      .map((r) => [r.elementId, r.total.median!] as const);
    result.set(procedure, new Map(known));
  }
  return result;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
