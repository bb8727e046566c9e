/**
 * npm run bench:crash -- [--dossiers N] [--kills K] [--mode single|pair|both] [--hostile kind,kind|none]
 *
 * Drives intakes and officer work against real server processes while SIGKILLing them at
 * random moments, with an attacker's requests mixed in (all kinds unless --hostile names some),
 * then checks the database against what the load generator was told.
 */
import os from 'node:os';
import { openDatabase } from '../../server/src/core/db.js';
import { benchArgs, oneOf, requiredNumber } from '../support/args.js';
import { scratchDatabase } from '../support/scratch-postgres.js';
import { runCrashBench, type CrashResult } from './crash-run.js';
import { HOSTILE_KINDS, type HostileKind } from './hostile.js';

const values = benchArgs(process.argv.slice(2), {
  dossiers: { default: '600' },
  kills: { default: '10' },
  mode: { default: 'both' },
  hostile: { default: HOSTILE_KINDS.join(',') },
});
const dossierCount = requiredNumber(values.dossiers, 'dossiers', 1);
const killCount = requiredNumber(values.kills, 'kills');
const mode = oneOf(values.mode, 'mode', ['single', 'pair', 'both'] as const);

const hostileKinds = values.hostile === 'none' ? [] : (values.hostile!.split(',') as HostileKind[]);
const unknownKind = hostileKinds.find((k) => !HOSTILE_KINDS.includes(k));
if (unknownKind)
  throw new Error(`--hostile: unknown kind ${unknownKind}; kinds are ${HOSTILE_KINDS.join(', ')}`);

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const modes = mode === 'both' ? (['single', 'pair'] as const) : [mode];
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
        `— ${mode}: ${mode === 'pair' ? 'two server processes' : 'one server process'}, ${killCount} kills, ${dossierCount} dossiers`,
      );
      const result = await runCrashBench({
        databaseUrl: scratch.url,
        servers: mode === 'pair' ? 2 : 1,
        dossiers: dossierCount,
        kills: killCount,
        between: [700, 2500],
        hostileKinds,
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
      r.intakes.lost +
        r.intakes.duplicated +
        r.completions.lost +
        r.completions.duplicated +
        r.stuck +
        r.hostile.failures.length +
        r.unexplainedExits >
      0,
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
  const kinds = Object.entries(r.hostile.sent)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  log(
    `${mode} hostile: ${r.hostile.total} sent (${kinds}); ${r.hostile.excused} met a kill, ${r.hostile.failures.length} failures; server exits not caused by the bench: ${r.unexplainedExits}`,
  );
  for (const line of [...r.hostile.failures.slice(0, 10), ...r.exitReports]) log(`  ${line}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
