import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { ApiClient } from '../../test/support/api-client.js';
import { spawnServer, type ServerProcess } from '../../test/support/server-process.js';
import { benchArgs, requiredNumber, wholeNumber } from '../support/args.js';
import { cpuSecondsOf, machineBusySeconds } from '../support/cpu.js';
import { freePort } from '../support/free-port.js';
import { percentiles } from '../support/percentiles.js';
import { scratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.js';
import { bareEngineLifecycles } from './bare-engine.js';
import { runHttpLoad } from './http-load.js';
import { summariseProfiles } from './profile-summary.js';
import { statementCounter, writeStatementTable } from './statements.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const BPMN = path.join(here, 'lifecycle.bpmn');
const PROCEDURE = 'bench-vong-doi';

/**
 * bench:throughput — full dossier lifecycles per second through the real HTTP API, server
 * processes and PostgreSQL, against the ceiling of bare bpmn-engine on one core, in one run.
 */
export interface ThroughputOptions {
  seconds: number;
  /** Closed loop: this many simulated officers, each starting a dossier when the last one ends. */
  workers: number;
  /** Open loop instead: a new dossier this many times a second, whatever the system's pace. */
  rate?: number;
  servers: number;
  profileDir?: string;
  /** ENGINE_HOT_LIMIT of the servers: 0 measures recovering every command from the database. */
  hotEngines?: number;
  /** Count the statements the servers send (pg_stat_statements) and write them per lifecycle here. */
  statementsFile?: string;
  /** An existing, empty database (the test suite's); by default a scratch one is made and dropped. */
  databaseUrl?: string;
  log?: (line: string) => void;
}

export async function benchThroughput(options: ThroughputOptions) {
  const { seconds, workers, servers: serverCount } = options;
  const log = options.log ?? console.log;
  // --profile writes a V8 CPU profile per server process (open it in Chrome DevTools).
  const nodeArgs = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const bare = await bareEngineLifecycles(BPMN, seconds);
  log(
    `bare bpmn-engine: ${bare.perSecond.toFixed(1)} lifecycles/s on one core, ${bare.cpuMsEach.toFixed(1)} ms CPU each`,
  );

  const database: Pick<ScratchDatabase, 'url' | 'pids' | 'stop'> = options.databaseUrl
    ? { url: options.databaseUrl, pids: () => [], stop: async () => {} }
    : await scratchDatabase({ name: 'motcua_bench_throughput', statements: Boolean(options.statementsFile) });
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < serverCount; i++) {
      servers.push(
        await spawnServer(
          database.url,
          await freePort(),
          {
            JOBS: 'false',
            ...(options.hotEngines === undefined ? {} : { ENGINE_HOT_LIMIT: String(options.hotEngines) }),
          },
          nodeArgs,
        ),
      );
    }
    await deploy(servers[0]!.baseUrl);
    const statements = options.statementsFile ? statementCounter(database.url) : null;
    await statements?.reset();
    const serverPids = servers.map((s) => s.child.pid!);
    const cpu0 = { servers: cpuSecondsOf(serverPids), postgres: cpuSecondsOf(database.pids()) };
    const machine0 = machineBusySeconds();
    const started = Date.now();
    const loadFromUs = Number(process.hrtime.bigint() / 1000n);
    const load = await runHttpLoad(
      servers.map((s) => s.baseUrl),
      options.rate === undefined ? { workers } : { rate: options.rate },
      seconds,
      PROCEDURE,
    );
    const loadToUs = Number(process.hrtime.bigint() / 1000n);
    // Sign-in happens before the clock starts inside the load; the few hundred ms are noise here.
    const elapsed = (Date.now() - started) / 1000;
    const serverCpu = cpuSecondsOf(serverPids) - cpu0.servers;
    // Backends that ended during the run took their CPU time with them: this undercounts slightly.
    const postgresCpu = cpuSecondsOf(database.pids()) - cpu0.postgres;
    const machineCpu = machineBusySeconds() - machine0;
    const latencies = percentiles(load.completeLatenciesMs);
    const statementsPerLifecycle = statements
      ? await writeStatementTable(options.statementsFile!, await statements.read(load.lifecycles))
      : undefined;
    const summary = {
      seconds: Number(elapsed.toFixed(1)),
      servers: serverCount,
      ...(options.rate === undefined ? { workers } : { rate: options.rate }),
      lifecycles: load.lifecycles,
      lifecyclesPerSecond: Number((load.lifecycles / elapsed).toFixed(1)),
      httpRequestsPerSecond: Number((load.requests / elapsed).toFixed(1)),
      completeTaskMs: { p50: latencies.p50, p95: latencies.p95, p99: latencies.p99 },
      cpuSecondsPerLifecycle: {
        servers: round(serverCpu / load.lifecycles, 4),
        postgres: round(postgresCpu / load.lifecycles, 4),
        wholeMachine: round(machineCpu / load.lifecycles, 4),
      },
      statementsPerLifecycle,
      errors: load.errors,
      bareEngine: { lifecyclesPerSecond: round(bare.perSecond), cpuMsEach: round(bare.cpuMsEach) },
      ratio: round(load.lifecycles / elapsed / bare.perSecond, 3),
    };
    log(
      `system: ${summary.lifecyclesPerSecond} lifecycles/s, ${summary.httpRequestsPerSecond} HTTP requests/s`,
    );
    log(
      `complete-task latency: p50 ${summary.completeTaskMs.p50} ms, p95 ${summary.completeTaskMs.p95} ms, p99 ${summary.completeTaskMs.p99} ms`,
    );
    const cpu = summary.cpuSecondsPerLifecycle;
    log(
      `CPU per lifecycle: ${cpu.servers} s servers, ${cpu.postgres} s PostgreSQL, ${cpu.wholeMachine} s whole machine (load generator and other work included)`,
    );
    if (statementsPerLifecycle !== undefined)
      log(`SQL statements per lifecycle: ${statementsPerLifecycle} (each one in ${options.statementsFile})`);
    log(`ratio (system / bare engine): ${summary.ratio}`);
    log(JSON.stringify({ bench: 'throughput', ...summary }));
    // The codes are not printed: a caller (the smoke test) checks those dossiers in the database.
    if (options.profileDir) {
      // V8 writes a profile as its process exits.
      for (const s of servers) await s.kill('SIGTERM');
      const rows = await summariseProfiles(options.profileDir, load.lifecycles, {
        fromUs: loadFromUs,
        toUs: loadToUs,
      });
      log('self time in the servers, ms per lifecycle (during the load):');
      for (const row of rows.slice(0, 25))
        log(
          `  ${row.msPerLifecycle.toFixed(2).padStart(7)}  ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.what}`,
        );
    }
    return { ...summary, dossierCodes: load.finished };
  } finally {
    for (const s of servers) await s.kill('SIGTERM');
    await database.stop();
  }
}

async function deploy(baseUrl: string): Promise<void> {
  const designer = await ApiClient.as(baseUrl, 'thietke');
  const res = await designer.post('/api/procedures', {
    code: PROCEDURE,
    name: 'Vòng đời hồ sơ (đo hiệu năng)',
    duration: 5,
    formSchema: { type: 'object', properties: { note: { type: 'string', title: 'Ghi chú' } } },
    bpmn: fs.readFileSync(BPMN, 'utf8'),
  });
  if (res.status !== 201) throw new Error(`deploy failed: ${JSON.stringify(res.body)}`);
}

function loadShape(workers: string | undefined, rate: string | undefined) {
  if (workers !== undefined && rate !== undefined)
    throw new Error('--workers (closed loop) and --rate (open loop) exclude each other: give one');
  return { workers: wholeNumber(workers, 'workers', 1) ?? 24, rate: wholeNumber(rate, 'rate', 1) };
}

function round(n: number, digits = 1): number {
  return Number(n.toFixed(digits));
}

/**
 * The command line: `--seconds 20 --workers 24 | --rate N --servers 2 --hot N --profile DIR
 * --statements FILE`.
 */
export function throughputOptions(argv: string[]): ThroughputOptions {
  const values = benchArgs(argv, {
    seconds: { default: '20' },
    workers: {},
    rate: {},
    servers: { default: '2' },
    profile: {},
    hot: {},
    statements: {},
  });
  return {
    seconds: requiredNumber(values.seconds, 'seconds', 1),
    workers: loadShape(values.workers, values.rate).workers,
    rate: loadShape(values.workers, values.rate).rate,
    servers: requiredNumber(values.servers, 'servers', 1),
    profileDir: values.profile,
    hotEngines: wholeNumber(values.hot, 'hot'),
    statementsFile: values.statements,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.resolve()
    .then(() => benchThroughput(throughputOptions(process.argv.slice(2))))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
