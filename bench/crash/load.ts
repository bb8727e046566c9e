import { BenchClient } from './bench-client.js';

export const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const PASSWORD = 'demo1234';

/** What the load generator was told by the servers: only 2xx answers count as acknowledged. */
export class Ledger {
  /** Idempotency key of each intake sent → the code it was acknowledged with (null: no answer). */
  readonly intakes = new Map<string, string | null>();
  /** Task id → the outcome its acknowledged completion carried. */
  readonly completions = new Map<string, string | null>();
  readonly unexpected: string[] = [];
}

/** Lets the run pause every worker (to inspect the database at rest) and stop them. */
export class Control {
  stopped = false;
  private paused: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private parked = 0;

  /** Workers call this between requests: it holds them while the run is paused. */
  async gate(): Promise<void> {
    while (this.paused) {
      this.parked++;
      await this.paused;
      this.parked--;
    }
  }

  /** Pauses and resolves once `workers` workers are parked at the gate or have returned. */
  async pause(workers: () => number): Promise<void> {
    this.paused = new Promise((resolve) => (this.release = resolve));
    while (this.parked < workers()) await new Promise((r) => setTimeout(r, 20));
  }

  resume(): void {
    this.paused = null;
    this.release?.();
  }
}

export interface LoadOptions {
  servers: string[];
  dossiers: number;
  seed: string;
}

/** Reception desks taking in dossiers, each with its own Idempotency-Key, until `dossiers` are in. */
export async function intakeWorker(
  options: LoadOptions,
  control: Control,
  ledger: Ledger,
  worker: number,
  workers: number,
) {
  const client = await signedIn(options.servers, 'tiepnhan', control);
  for (let n = worker; n < options.dossiers && !control.stopped; n += workers) {
    await control.gate();
    const key = `intake-${options.seed}-${n}`;
    ledger.intakes.set(key, null);
    const answer = await client.send('POST', '/api/dossiers', intakeBody(key), { 'Idempotency-Key': key });
    if (answer?.status === 201) ledger.intakes.set(key, answer.body.code);
    else if (answer) ledger.unexpected.push(`intake ${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return client.retries;
}

/** Officers of one role working their inbox: claim a task, then complete it with a key of its own. */
export async function stepWorker(options: LoadOptions, control: Control, ledger: Ledger, username: string) {
  const client = await signedIn(options.servers, username, control);
  while (!control.stopped) {
    await control.gate();
    const inbox = await client.send('GET', '/api/tasks?pageSize=30');
    const items: { id: string; elementId: string; outcomes: string[] }[] = inbox?.body?.items ?? [];
    if (!items.length) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    const task = items[Math.floor(Math.random() * items.length)]!;
    const claim = await client.send('POST', `/api/tasks/${task.id}/claim`);
    if (claim?.status !== 200) continue; // someone else has it, or the server died: the inbox is asked again
    const outcome = chooseOutcome(task.outcomes);
    const body = {
      ...(outcome ? { outcome } : {}),
      ...(RESULTS[task.elementId] ? { data: RESULTS[task.elementId] } : {}),
      ...(task.elementId === 'Task_return' ? { handover: HANDOVER } : {}),
      // A refusal and a signature sent back must say why.
      ...(outcome && outcome !== task.outcomes[0] ? { reason: 'Chưa đủ điều kiện, đề nghị xem lại' } : {}),
    };
    const done = await client.send('POST', `/api/tasks/${task.id}/complete`, body, {
      // One key per request: two workers of one user may pick the same task with other outcomes,
      // and a key replayed with another body is refused (422), not answered with the first result.
      'Idempotency-Key': `complete-${task.id}-${outcome ?? 'none'}`,
    });
    if (done?.status === 200) ledger.completions.set(task.id, done.body.outcome ?? null);
    else if (done && done.status !== 409)
      ledger.unexpected.push(`complete ${task.id}: ${done.status} ${JSON.stringify(done.body)}`);
  }
  return client.retries;
}

/** What a step of the procedure records (the leader's signature must carry the certificate number). */
const RESULTS: Record<string, Record<string, unknown>> = {
  Task_sign: { certificateNumber: 'HKD-2026-0001' },
};

/** How the result is handed over at the step returning it, which requires one. */
const HANDOVER = { method: 'post', trackingNumber: 'EA000000001VN' };

/** Mostly forward; one review in ten refused, one signature in ten sent back to review. */
function chooseOutcome(outcomes: string[]): string | null {
  if (!outcomes.length) return null;
  return Math.random() < 0.9 ? outcomes[0]! : (outcomes[1] ?? outcomes[0]!);
}

async function signedIn(servers: string[], username: string, control: Control): Promise<BenchClient> {
  const client = new BenchClient(servers, () => control.stopped);
  await client.login(username, PASSWORD);
  return client;
}

/** The key travels in the dossier itself, so the check can count dossiers per key. */
function intakeBody(key: string) {
  return {
    procedureCode: PROCEDURE,
    channel: 'in_person',
    applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '001099012345', phone: '0912345678' },
    data: {
      businessName: `Hộ kinh doanh ${key}`,
      businessAddress: '5 Hàng Bông, Hoàn Kiếm',
      businessLines: 'Ăn uống',
      capital: 1e8,
    },
  };
}
