import type { Db, Database } from '../../server/src/core/db.js';
import type { SessionUser } from '../../server/src/core/roles.js';
import { DASHBOARD_SCENARIOS, drawDashboardSample } from './dashboard-scenarios.js';
import { officerOf, type Sample, type Scenario } from './scenario.js';
import { listInbox } from '../../server/src/tasks/tasks.service.js';
import { getDossier, listDossiers } from '../../server/src/dossiers/dossiers.service.js';
import { onTimeSummary } from '../../server/src/reports/on-time-summary.js';
import { percentiles, type Percentiles } from '../support/percentiles.js';
import { Random } from './random.js';

/** The questions of the issues, each through the function the API itself calls. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'inbox',
    targetP95: 20,
    run: (db, s, r) => {
      const department = r.pick(s.inboxDepartments);
      return listInbox(db, officerOf(department), {
        scope: 'department',
        department,
        sort: 'due',
        page: 1,
        pageSize: 50,
      });
    },
  },
  {
    name: 'search by code',
    targetP95: 50,
    // Half whole codes, half a ward's day ("PBD-250312-"), as a clerk narrowing by date does;
    // searched by a clerk of the dossier's agency, so the access scope is part of the query.
    run: (db, s, r) => {
      const code = r.pick(s.codes);
      return listDossiers(db, clerkOf(code), {
        q: r.next() < 0.5 ? code : code.slice(0, 11),
        page: 1,
        pageSize: 50,
      });
    },
  },
  {
    name: 'search by name',
    targetP95: 50,
    run: (db, s, r) => {
      const i = Math.floor(r.next() * s.names.length);
      return listDossiers(db, clerkOf(s.codes[i]!), { q: s.names[i]!, page: 1, pageSize: 50 });
    },
  },
  {
    name: 'detail',
    targetP95: 20,
    run: (db, s, r) => {
      const code = r.pick(s.codes);
      return getDossier(db, code, clerkOf(code));
    },
  },
  {
    name: 'on-time summary',
    targetP95: 300,
    run: (db, s, r) =>
      onTimeSummary(db, { department: r.pick(s.receivingDepartments), month: r.pick(s.months) }),
  },
  ...DASHBOARD_SCENARIOS,
];

export interface ScenarioResult extends Percentiles {
  name: string;
  targetP95: number;
  met: boolean;
}

/** Runs each scenario `iterations` times (after a short warm-up) with random parameters. */
export async function measureScenarios(
  db: Db,
  sample: Sample,
  iterations: number,
  seed: number,
  log: (line: string) => void,
) {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const random = new Random(seed);
    for (let i = 0; i < Math.min(20, iterations); i++) await scenario.run(db, sample, random);
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await scenario.run(db, sample, random);
      times.push(performance.now() - started);
    }
    const p = percentiles(times);
    const result = {
      name: scenario.name,
      targetP95: scenario.targetP95,
      met: p.p95 < scenario.targetP95,
      ...p,
    };
    results.push(result);
    log(
      `${scenario.name.padEnd(28)} p50 ${fmt(p.p50)} ms  p95 ${fmt(p.p95)} ms  p99 ${fmt(p.p99)} ms  (target p95 < ${scenario.targetP95} ms: ${result.met ? 'met' : 'MISSED'})`,
    );
  }
  return results;
}

/** Draws the parameters: departments with open work, existing codes, names and months. */
export async function drawSample(database: Database, seed: number): Promise<Sample> {
  const q = async <T>(text: string, params: unknown[] = []) =>
    (await database.pool.query(text, params)).rows as T[];
  const inbox = await q<{ code: string }>(
    `select distinct unnest(department_codes) as code from tasks where status in ('open', 'claimed') order by 1`,
  );
  const receiving = await q<{ code: string }>(
    `select distinct receiving_department as code from dossiers order by 1`,
  );
  // setseed makes the drawn sample repeatable for a given archive.
  await q('select setseed($1)', [(seed % 1000) / 1000]);
  const picks = await q<{ code: string; name: string; procedure: string }>(
    `select code, applicant_name as name, procedure_code as procedure from dossiers where random() < 1000.0 / greatest(1, (select reltuples from pg_class where relname = 'dossiers')) limit 1000`,
  );
  const months = await q<{ month: string }>(
    `select distinct to_char(received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM') as month from dossiers order by 1`,
  );
  return {
    inboxDepartments: inbox.map((r) => r.code),
    receivingDepartments: receiving.map((r) => r.code),
    codes: picks.map((r) => r.code),
    names: picks.map((r) => r.name),
    months: months.map((r) => r.month),
    procedures: picks.map((r) => r.procedure),
    ...(await drawDashboardSample(database)),
  };
}

/** A receptionist of the agency that received the dossier `code` (its code starts with the agency's). */
function clerkOf(code: string): SessionUser {
  return officerOf(`${code.split('-')[0]!}.MC`);
}

function fmt(x: number): string {
  return x.toFixed(2).padStart(7);
}
