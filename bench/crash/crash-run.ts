import pg from 'pg';
import { freePort } from '../support/free-port.js';
import { Control, Ledger, intakeWorker, stepWorker, type LoadOptions } from './load.js';
import { ServerSlot, killAtRandom } from './servers.js';
import { HostileTally, hostileWorker, type HostileKind } from './hostile.js';
import { engineDisagreements, openTasks, tallyAgainstLedger, unfinished, type Tally } from './verify.js';

export interface CrashOptions {
  databaseUrl: string;
  /** One server, or two sharing the database and killed independently. */
  servers: 1 | 2;
  dossiers: number;
  kills: number;
  between: [number, number];
  /** The attacker's request kinds mixed into the load (default: all of them). */
  hostileKinds?: readonly HostileKind[];
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
  /** The attacker's requests mixed into the load, and what went wrong with them outside a kill. */
  hostile: { sent: Record<string, number>; total: number; excused: number; failures: string[] };
  /** Server exits the run did not cause (a crash): must be 0. */
  unexplainedExits: number;
  exitReports: string[];
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
  const hostile = new HostileTally();
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
      track(
        hostileWorker(
          slots,
          control,
          ledger,
          hostile,
          await sessionCookie(slots[0]!.baseUrl),
          options.hostileKinds,
        ).then(() => 0),
      ),
    ];
    const acknowledged = () =>
      `${[...ledger.intakes.values()].filter(Boolean).length} intakes, ${ledger.completions.size} completions acknowledged`;
    // A server that dies by itself ends the run early: its figures would measure the crash loop.
    const crashed = () => slots.some((s) => s.unexplainedExits > 0);
    await killAtRandom(
      slots,
      { kills: options.kills, between: options.between, log: options.log, abandon: crashed },
      acknowledged,
    );
    let afterKills: string[] = [];
    if (!crashed()) {
      // (3)
      await control.pause(() => live);
      afterKills = await engineDisagreements(pool);
      options.log(
        `after the kills: ${acknowledged()}; engine and tasks disagree on ${afterKills.length} dossiers`,
      );
      control.resume();
      // (4)
      await drainAll(pool, () => live, UNTIL_STOPPED, crashed, options.log);
    }
    if (crashed())
      options.log(`a server exited by itself: run stopped early (${slots.flatMap((s) => s.exitReports)[0]})`);
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
      hostile: {
        sent: hostile.sent,
        total: hostile.total,
        excused: hostile.excused,
        failures: hostile.failures,
      },
      unexplainedExits: slots.reduce((n, s) => n + s.unexplainedExits, 0),
      exitReports: slots.flatMap((s) => s.exitReports),
      retries,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    control.stopped = true;
    await Promise.all(slots.map((s) => s.stop()));
    await pool.end();
  }
}

/** The four step workers and the hostile one run until told to stop; the intake workers return when done. */
const UNTIL_STOPPED = 5;

/** Waits until the intakes are done and no task is open (or nothing moves for 60 s). */
async function drainAll(
  pool: pg.Pool,
  live: () => number,
  untilStopped: number,
  crashed: () => boolean,
  log: (line: string) => void,
): Promise<void> {
  let last = -1;
  let since = performance.now();
  for (;;) {
    const open = await openTasks(pool);
    if ((open === 0 && live() <= untilStopped) || crashed()) return;
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

/** The desk's session cookie, which the hostile posts carry as a victim's browser would. */
async function sessionCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tiepnhan', password: 'demo1234' }),
  });
  if (res.status !== 200) throw new Error(`hostile worker: login answered ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
