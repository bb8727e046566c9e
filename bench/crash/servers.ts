import { spawnServer, type ServerProcess } from '../../test/support/server-process.js';

/** One server process on a fixed port, killed and started again by the run. */
export class ServerSlot {
  private process: ServerProcess | null = null;
  kills = 0;

  constructor(
    private readonly databaseUrl: string,
    readonly port: number,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // The agenda jobs run in every process, as in production: they must survive the kills too.
    this.process = await spawnServer(this.databaseUrl, this.port, { JOBS_INTERVAL_MS: '1000' });
  }

  /** SIGKILL: no shutdown hook runs, in-flight transactions die with their connections. */
  async kill(): Promise<void> {
    await this.process?.kill('SIGKILL');
    this.process = null;
    this.kills++;
  }

  async stop(): Promise<void> {
    await this.process?.kill('SIGTERM');
    this.process = null;
  }
}

export interface KillOptions {
  kills: number;
  /** Milliseconds of load between kills, drawn uniformly from this range. */
  between: [number, number];
  log: (line: string) => void;
}

/** Kills a random server at random moments, restarting it each time, `kills` times in all. */
export async function killAtRandom(
  slots: ServerSlot[],
  options: KillOptions,
  acknowledged: () => string,
): Promise<void> {
  const [lo, hi] = options.between;
  for (let k = 1; k <= options.kills; k++) {
    await new Promise((r) => setTimeout(r, lo + Math.random() * (hi - lo)));
    const slot = slots[Math.floor(Math.random() * slots.length)]!;
    await slot.kill();
    // Sometimes it stays down a while, so the clients' retries meet refused connections.
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    const started = performance.now();
    await slot.start();
    options.log(
      `kill ${k}/${options.kills}: SIGKILL server :${slot.port}, back in ${Math.round(performance.now() - started)} ms; ${acknowledged()}`,
    );
  }
}
