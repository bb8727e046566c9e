import { spawnServer, type ServerProcess } from '../../test/support/server-process.js';

/**
 * One server process on a fixed port, killed and started again by the run. It tells its own
 * kills from any other exit: a process that dies of anything else (a crash on hostile input,
 * an unhandled rejection) is counted in `unexplainedExits` and started again so the run goes on.
 */
export class ServerSlot {
  private process: ServerProcess | null = null;
  private restarting: Promise<void> | null = null;
  kills = 0;
  unexplainedExits = 0;
  readonly exitReports: string[] = [];
  /** Bumped at every kill and every unexplained exit: a request that saw it change met a dying server. */
  epoch = 0;
  down = false;

  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // The agenda jobs run in every process, as in production: they must survive the kills too.
    const started = await spawnServer(this.databaseUrl, this.port, { JOBS_INTERVAL_MS: '1000' });
    this.process = started;
    this.down = false;
    let stderr = '';
    started.child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    started.child.once('exit', (code, signal) => {
      if (this.process !== started) return; // our own kill or stop: it let go of the process first
      this.crashed(`exited by itself (code ${code}, signal ${signal}): ${lastError(stderr)}`);
      this.restarting = this.restartAfterCrash().finally(() => (this.restarting = null));
    });
  }

  /** Starts it after a kill; a start that dies of something else counts as a crash and is tried again. */
  async startAgain(): Promise<void> {
    try {
      await this.start();
    } catch (err) {
      this.crashed(`died while starting after a kill: ${lastError((err as Error).message)}`);
      await this.restartAfterCrash();
    }
  }

  private crashed(why: string): void {
    this.unexplainedExits++;
    this.exitReports.push(`server :${this.port} ${why}`);
    this.process = null;
    this.down = true;
    this.epoch++;
  }

  /** Starts it again after a crash; a start that dies too (the same hostile input) counts as another crash. */
  private async restartAfterCrash(): Promise<void> {
    for (let attempt = 0; attempt < MAX_RESTARTS; attempt++) {
      try {
        await this.start();
        return;
      } catch (err) {
        this.crashed(`died while starting again: ${lastError((err as Error).message)}`);
      }
    }
    this.exitReports.push(`server :${this.port} left down after ${MAX_RESTARTS} failed starts`);
  }

  /** SIGKILL: no shutdown hook runs, in-flight transactions die with their connections. */
  async kill(): Promise<void> {
    await this.restarting;
    const victim = this.process;
    this.process = null;
    this.down = true;
    this.epoch++;
    await victim?.kill('SIGKILL');
    this.kills++;
  }

  async stop(): Promise<void> {
    await this.restarting;
    const victim = this.process;
    this.process = null;
    this.down = true;
    await victim?.kill('SIGTERM');
  }
}

const MAX_RESTARTS = 10;

/** The line of a crash's output that names the error, not the whole stack. */
function lastError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  return lines.find((l) => /^\w*Error\b/.test(l)) ?? lines.filter(Boolean).at(-1) ?? '';
}

export interface KillOptions {
  kills: number;
  /** Milliseconds of load between kills, drawn uniformly from this range. */
  between: [number, number];
  log: (line: string) => void;
  /** Checked before each kill: true ends the kills early (a server crashed by itself). */
  abandon: () => boolean;
}

/** Kills a random server at random moments, restarting it each time, `kills` times in all. */
export async function killAtRandom(
  slots: ServerSlot[],
  options: KillOptions,
  acknowledged: () => string,
): Promise<void> {
  const [lo, hi] = options.between;
  for (let k = 1; k <= options.kills && !options.abandon(); k++) {
    await new Promise((r) => setTimeout(r, lo + Math.random() * (hi - lo)));
    const slot = slots[Math.floor(Math.random() * slots.length)]!;
    await slot.kill();
    // Sometimes it stays down a while, so the clients' retries meet refused connections.
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    const started = performance.now();
    await slot.startAgain();
    slot.epoch++; // requests sent while it was down also met the kill
    options.log(
      `kill ${k}/${options.kills}: SIGKILL server :${slot.port}, back in ${Math.round(performance.now() - started)} ms; ${acknowledged()}`,
    );
  }
}
