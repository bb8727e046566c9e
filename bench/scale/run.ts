/**
 * npm run bench:scale -- [--dossiers N] [--years Y] [--iterations I] [--seed S]
 *                        [--data-dir DIR] [--explain FILE]
 *
 * Fills a PostgreSQL with a province's archive (default 1,000,000 dossiers over 3 years) and
 * measures the inbox, searches, detail and on-time summary at that size. With --data-dir the
 * cluster is kept there and a later run on it skips generation (e.g. to compare indexes).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { openDatabase } from '../../server/src/core/db.js';
import { clock } from '../../server/src/core/clock.js';
import { benchArgs, requiredNumber, wholeNumber } from '../support/args.js';
import { scratchDatabase } from '../support/scratch-postgres.js';
import { generateArchive, type GenerateStats } from './generate.js';
import { drawSample, measureScenarios } from './measure.js';
import { explainScenarios } from './explain.js';
import { placeAgencies } from './setup.js';

const values = benchArgs(process.argv.slice(2), {
  dossiers: { default: '1000000' },
  years: { default: '3' },
  iterations: { default: '300' },
  seed: { default: '20261124' },
  'data-dir': {},
  explain: {},
  triggers: { default: 'deferred' },
  port: {},
});
const dossiers = requiredNumber(values.dossiers, 'dossiers', 1);
const years = requiredNumber(values.years, 'years', 1);
const iterations = requiredNumber(values.iterations, 'iterations', 1);
const seed = requiredNumber(values.seed, 'seed');
const port = wholeNumber(values.port, 'port', 1);
if (values.triggers !== 'deferred' && values.triggers !== 'live')
  throw new Error('--triggers is deferred (off during COPY, rows written after) or live');
const triggers: 'deferred' | 'live' = values.triggers;

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const scratch = await scratchDatabase({
    name: 'motcua_bench_scale',
    port,
    dir: values['data-dir'],
    bulkLoad: true,
  });
  const database = await openDatabase(scratch.url, 4);
  try {
    log(`bench:scale on ${machine()}`);
    const existing = Number((await database.pool.query('select count(*) as n from dossiers')).rows[0].n);
    let generated: GenerateStats | null = null;
    if (existing > 0) {
      log(`reusing the archive in ${values['data-dir'] ?? 'DATABASE_URL'}: ${existing} dossiers`);
      await placeAgencies(database.db);
    } else {
      log(`generating ${dossiers} dossiers over ${years} years`);
      generated = await generateArchive(database, {
        dossiers,
        years,
        seed,
        now: clock.now(),
        chunk: 5000,
        triggers,
        log,
      });
      log(
        `generated ${generated.dossiers} dossiers, ${generated.tasks} tasks, ${generated.events} events in ${generated.seconds.total} s (rows ${generated.seconds.rows} s, indexes ${generated.seconds.indexes} s, feed ${generated.seconds.feed} s, monthly counts ${generated.seconds.counts} s; triggers ${triggers})`,
      );
    }
    const sizes = await tableSizes(database.pool);
    log(`sizes: ${sizes.map((s) => `${s.table} ${s.rows} rows ${s.size}`).join('; ')}`);
    const sample = await drawSample(database, seed);
    const results = await measureScenarios(database.db, sample, iterations, seed, log);
    if (values.explain) {
      await fs.writeFile(values.explain, await explainScenarios(database.pool, sample, seed));
      log(`EXPLAIN ANALYZE written to ${values.explain}`);
    }
    log(`after measuring: ${machine()}`);
    const summary = {
      bench: 'scale',
      machine: machine(),
      dossiers: existing || dossiers,
      generated,
      sizes,
      iterations: iterations,
      results,
    };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    await database.close();
    await scratch.stop();
  }
}

async function tableSizes(pool: import('pg').Pool) {
  const rows = await pool.query(
    `select relname as table, reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(oid)) as size
       from pg_class where relname in ('dossiers', 'tasks', 'dossier_events') order by relname`,
  );
  return rows.rows as { table: string; rows: number; size: string }[];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/** The machine and how busy it is: figures from a shared machine need that beside them. */
function machine(): string {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${load}`;
}
