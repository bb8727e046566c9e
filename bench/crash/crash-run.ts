import pg from 'pg';
import { freePort } from '../support/free-port.js';
import { Control, Ledger, intakeWorker, stepWorker, type LoadOptions } from './load.js';
import { ServerSlot, killAtRandom } from './servers.js';
import { engineDisagreements, openTasks, tallyAgainstLedger, unfinished, type Tally } from './verify.js';

export interface CrashOptions {
  databaseUrl: string;
  /** One server, or two sharing the database and killed independently. */
  servers: 1 | 2;
  dossiers: number;
  kills: number;
  between: [number, number];
  log: (line: string) => void;
}

export interface CrashResult {
  servers: number;
  kills: number;
  intakes: Tally;
  completions: Tally;
  /** Unfinished dossiers after the final drive, plus any whose engine and tasks disagree. */
  stuck: number;
  disagreeing: { afterKills: string[]; atEnd: string[] };
  unexpected: string[];
  retries: number;
  seconds: number;
}

/**
 * (1) start the servers, (2) run reception and officer workers against them while killing a
 * random server `kills` times, (3) pause the load and compare every dossier's engine state
 * with its tasks, (4) let the officers drive every dossier to its end, (5) tally the database
 * against the load generator's ledger.
 */
export async function runCrashBench(options: CrashOptions): Promise<CrashResult> {
  const started = performance.now();
  const slots: ServerSlot[] = [];
  for (let i = 0; i < options.servers; i++) slots.push(new ServerSlot(options.databaseUrl, await freePort()));
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on('error', (err) => options.log(`[db] idle client error: ${err.message}`));
  const control = new Control();
  const ledger = new Ledger();
  try {
    // (1)
    for (const slot of slots) await slot.start();
    // (2)
    const load: LoadOptions = {
      servers: slots.map((s) => s.baseUrl),
      dossiers: options.dossiers,
      seed: Date.now().toString(36),
    };
    let live = 0;
    const track = (p: Promise<number>) => {
      live++;
      return p.finally(() => live--);
    };
    const workers = [
      ...[0, 1].map((i) => track(intakeWorker(load, control, ledger, i, 2))),
      ...['chuyenvien', 'chuyenvien', 'lanhdao', 'tiepnhan'].map((u) =>
        track(stepWorker(load, control, ledger, u)),
      ),
    ];
    const acknowledged = () =>
      `${[...ledger.intakes.values()].filter(Boolean).length} intakes, ${ledger.completions.size} completions acknowledged`;
    await killAtRandom(
      slots,
      { kills: options.kills, between: options.between, log: options.log },
      acknowledged,
    );
    // (3)
    await control.pause(() => live);
    const afterKills = await engineDisagreements(pool);
    options.log(
      `after the kills: ${acknowledged()}; engine and tasks disagree on ${afterKills.length} dossiers`,
    );
    control.resume();
    // (4)
    await drainAll(pool, () => live, options.log);
    control.stopped = true;
    const retries = (await Promise.all(workers)).reduce((a, b) => a + b, 0);
    // (5)
    const tally = await tallyAgainstLedger(pool, ledger);
    const atEnd = await engineDisagreements(pool);
    const stuck = (await unfinished(pool)) + atEnd.length;
    return {
      servers: options.servers,
      kills: slots.reduce((n, s) => n + s.kills, 0),
      ...tally,
      stuck,
      disagreeing: { afterKills, atEnd },
      unexpected: ledger.unexpected,
      retries,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    control.stopped = true;
    await Promise.all(slots.map((s) => s.stop()));
    await pool.end();
  }
}

/** Waits until the intakes are done and no task is open (or nothing moves for 60 s). */
async function drainAll(pool: pg.Pool, live: () => number, log: (line: string) => void): Promise<void> {
  let last = -1;
  let since = performance.now();
  for (;;) {
    const open = await openTasks(pool);
    // Intake workers return when done; the four step workers run until told to stop.
    if (open === 0 && live() <= 4) return;
    if (open !== last) {
      last = open;
      since = performance.now();
    } else if (performance.now() - since > 60_000) {
      log(`no progress for 60 s with ${open} open tasks: stopping the drive`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
