import { expect } from 'chai';
import { openDatabase, type Database } from '../../server/src/core/db.js';
import { classify, progress } from '../../server/src/deadlines/timeliness.js';
import { monthBounds, onTimeSummary } from '../../server/src/reports/on-time-summary.js';
import { generateArchive, type GenerateStats } from '../../bench/scale/generate.js';
import { drawSample, measureScenarios } from '../../bench/scale/measure.js';
import { freshDatabaseUrl } from '../support/database.js';

const NOW = new Date('2026-11-24T03:00:00Z');

describe('bench:scale (smoke size)', function () {
  this.timeout(120_000);
  let database: Database;
  let stats: GenerateStats;

  before(async () => {
    database = await openDatabase(await freshDatabaseUrl('empty'), 4);
    stats = await generateArchive(database, {
      dossiers: 2000,
      years: 3,
      seed: 7,
      now: NOW,
      chunk: 500,
      log: () => {},
    });
  });

  after(async () => database?.close());

  const one = async <T>(text: string) => (await database.pool.query(text)).rows[0] as T;

  it('should write the dossiers asked for, each with its tasks and a reception event', async () => {
    // given the generated archive (before)
    // when counting what reached PostgreSQL
    const counts = await one<{
      dossiers: number;
      tasks: number;
      events: number;
      procedures: number;
      departments: number;
    }>(`
      select (select count(*)::int from dossiers) as dossiers, (select count(*)::int from tasks) as tasks,
             (select count(*)::int from dossier_events) as events, (select count(distinct procedure_code)::int from dossiers) as procedures,
             (select count(*)::int from departments) as departments`);

    // then the counts match the generator's and the archive has its shape
    expect(counts).to.deep.include({
      dossiers: 2000,
      tasks: stats.tasks,
      events: stats.events,
      departments: 40,
    });
    expect(counts.procedures).to.equal(30);
    const received = await one<{ n: number }>(
      `select count(distinct dossier_id)::int as n from dossier_events where type = 'received'`,
    );
    expect(received.n).to.equal(2000);
  });

  it('should leave finished dossiers with no open task and open ones with exactly one', async () => {
    // when grouping open tasks by dossier
    const wrong = await one<{ n: number }>(`
      select count(*)::int as n from (
        select d.id, d.finished_at, count(t.id) filter (where t.status in ('open', 'claimed')) as open
          from dossiers d left join tasks t on t.dossier_id = d.id group by d.id) x
       where (finished_at is null) <> (open = 1) or open > 1`);
    const finished = await one<{ share: number }>(
      `select avg((finished_at is not null)::int)::float as share from dossiers`,
    );

    // then every dossier agrees with its tasks, and most are finished
    expect(wrong.n).to.equal(0);
    expect(finished.share).to.be.within(0.9, 0.999);
  });

  it('should count the on-time summary as timeliness.ts classifies each dossier', async () => {
    // given a busy unit and a month of the archive
    const { code } = await one<{ code: string }>(
      `select receiving_department as code from dossiers group by 1 order by count(*) desc limit 1`,
    );
    const month = '2025-06';
    const { from, to } = monthBounds(month);

    // when the report counts it, and the same dossiers are classified one by one
    const summary = await onTimeSummary(database.db, { department: code, month });
    const rows = (
      await database.pool.query(
        `select channel, received_at, finished_at, due_at from dossiers where receiving_department = $1 and received_at < $2
            and (finished_at is null or finished_at >= $3)`,
        [code, to, from],
      )
    ).rows as { channel: string; received_at: Date; finished_at: Date | null; due_at: Date }[];
    const resolved = rows
      .filter((r) => r.finished_at && r.finished_at < to)
      .map((r) => classify(r.finished_at!, r.due_at));
    const open = rows.filter((r) => !r.finished_at || r.finished_at >= to).map((r) => progress(r.due_at, to));

    // then both agree on every count
    expect(summary.received.total).to.equal(rows.length).and.be.greaterThan(0);
    expect(summary.received.online).to.equal(
      rows.filter((r) => r.received_at >= from && r.channel === 'online').length,
    );
    expect(summary.received.carriedOver).to.equal(rows.filter((r) => r.received_at < from).length);
    expect(summary.resolved).to.deep.equal({
      total: resolved.length,
      early: resolved.filter((c) => c === 'early').length,
      onTime: resolved.filter((c) => c === 'on_time').length,
      late: resolved.filter((c) => c === 'late').length,
    });
    expect(summary.inProgress.withinDeadline).to.equal(open.filter((p) => p === 'within').length);
    expect(summary.inProgress.overdue).to.equal(open.filter((p) => p === 'overdue').length);
  });

  it('should run every measured query against the archive', async () => {
    // when each scenario runs a few times with drawn parameters
    const sample = await drawSample(database, 7);
    const results = await measureScenarios(database.db, sample, 3, 7, () => {});

    // then all ran (their timings are not asserted: this is a smoke run)
    expect(results.map((r) => [r.name, r.n])).to.deep.equal([
      ['inbox', 3],
      ['search by code', 3],
      ['search by name', 3],
      ['detail', 3],
      ['on-time summary', 3],
      ['overdue board, province', 3],
      ['overdue board, ward leader', 3],
      ['trends, 12 months', 3],
      ['II.06a, province, a month', 3],
      ['II.06a, ward, a month', 3],
      ['step durations, 90 days', 3],
      ['national status, 1000 lines', 3],
    ]);
  });

  it('should leave the monthly counts as a recomputation from the rows has them', async () => {
    // given the counts written after the load, with the triggers off during COPY
    const snapshot = `select coalesce(json_agg(c order by c::text), '[]') as rows from (
      select month, agency_code, department, procedure_code, stripe, received, received_online,
             resolved_early, resolved_on_time, resolved_late from dossier_month_counts
      where received <> 0 or resolved_early <> 0 or resolved_on_time <> 0 or resolved_late <> 0) c`;
    const officers = `select coalesce(json_agg(c order by c::text), '[]') as rows from (
      select month, user_id, completed, late from officer_month_counts where completed <> 0) c`;
    const before = [await one<{ rows: unknown[] }>(snapshot), await one<{ rows: unknown[] }>(officers)];

    // when they are recomputed from the dossiers and tasks themselves
    await database.pool.query('select rebuild_month_counts()');
    const after = [await one<{ rows: unknown[] }>(snapshot), await one<{ rows: unknown[] }>(officers)];

    // then nothing moved, and they count every dossier and completed step
    expect(before).to.deep.equal(after);
    const totals = await one<{ received: number; completed: number; done: number }>(`
      select (select sum(received)::int from dossier_month_counts) as received,
             (select sum(completed)::int from officer_month_counts) as completed,
             (select count(*)::int from tasks where status = 'completed' and completed_by is not null) as done`);
    expect(totals.received).to.equal(2000);
    expect(totals.completed).to.equal(totals.done).and.be.greaterThan(0);
  });

  it('should start the national status feed with one line per dossier, its state after the load', async () => {
    // when comparing the feed with the dossiers
    const wrong = await one<{ missing: number; lines: number }>(`
      select (select count(*)::int from dossiers d where not exists (
                select 1 from dossier_status_feed f where f.dossier_id = d.id and f.status = d.status
                   and f.due_at = d.due_at and f.finished_at is not distinct from d.finished_at)) as missing,
             (select count(*)::int from dossier_status_feed) as lines`);

    // then every dossier has its line and no dossier more than one
    expect(wrong.missing).to.equal(0);
    expect(wrong.lines).to.equal(2000);
  });

  it('should leave the triggers on after the load', async () => {
    // when reading the user triggers of the loaded tables
    const { off } = await one<{ off: number }>(
      `select count(*)::int as off from pg_trigger where not tgisinternal and tgenabled = 'D'`,
    );

    // then none is disabled: live commands keep the feed and counts
    expect(off).to.equal(0);
  });
});
