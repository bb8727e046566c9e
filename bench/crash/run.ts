/**
 * npm run bench:crash -- [--dossiers N] [--kills K] [--mode single|pair|both]
 *
 * Drives intakes and officer work against real server processes while SIGKILLing them at
 * random moments, then checks the database against what the load generator was told.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/src/core/db.js';
import { scratchDatabase } from '../support/scratch-postgres.js';
import { runCrashBench, type CrashResult } from './crash-run.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '600' },
    kills: { type: 'string', default: '10' },
    mode: { type: 'string', default: 'both' },
  },
});

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const modes = values.mode === 'both' ? (['single', 'pair'] as const) : [values.mode as 'single' | 'pair'];
  log(
    `bench:crash on ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const results: (CrashResult & { mode: string })[] = [];
  for (const mode of modes) {
    const scratch = await scratchDatabase({ name: `motcua_bench_crash_${mode}` });
    try {
      // Migrate once here so the servers' first start is not itself racing the first kill.
      await (await openDatabase(scratch.url, 2)).close(); // (the migration lock holds one connection)
      log(
        `— ${mode}: ${mode === 'pair' ? 'two server processes' : 'one server process'}, ${values.kills} kills, ${values.dossiers} dossiers`,
      );
      const result = await runCrashBench({
        databaseUrl: scratch.url,
        servers: mode === 'pair' ? 2 : 1,
        dossiers: Number(values.dossiers),
        kills: Number(values.kills),
        between: [700, 2500],
        log,
      });
      printCounts(mode, result);
      results.push({ mode, ...result });
    } finally {
      await scratch.stop();
    }
  }
  console.log(JSON.stringify({ bench: 'crash', results }, null, 2));
  const bad = results.some(
    (r) =>
      r.intakes.lost + r.intakes.duplicated + r.completions.lost + r.completions.duplicated + r.stuck > 0,
  );
  process.exitCode = bad ? 1 : 0;
}

function printCounts(mode: string, r: CrashResult): void {
  for (const [what, t] of [
    ['intakes', r.intakes],
    ['completions', r.completions],
  ] as const) {
    log(
      `${mode} ${what}: acknowledged ${t.acknowledged}, found ${t.found}, duplicated ${t.duplicated}, lost ${t.lost}`,
    );
  }
  log(
    `${mode}: stuck ${r.stuck} (engine/task disagreements after kills ${r.disagreeing.afterKills.length}, at end ${r.disagreeing.atEnd.length}); ${r.kills} kills, ${r.retries} client retries, ${r.unexpected.length} unexpected answers, ${r.seconds} s`,
  );
  for (const line of r.unexpected.slice(0, 10)) log(`  unexpected: ${line}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
