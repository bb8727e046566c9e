import { ApiClient } from '../../test/support/api-client.js';
import { STEPS } from './bare-engine.js';

/** Who does each step of the bench diagram. */
const WORKER_OF: Record<string, 'reception' | 'officer' | 'leader'> = {
  reception: 'reception',
  assign: 'officer',
  review: 'officer',
  approve: 'leader',
  return_result: 'reception',
};

/** How the result is handed over at the step returning it (status 9), which requires one. */
const HANDOVER = { method: 'post', trackingNumber: 'EA000000001VN' };

export interface LoadResult {
  lifecycles: number;
  /** Codes of the dossiers whose five tasks were all completed. */
  finished: string[];
  requests: number;
  completeLatenciesMs: number[];
  errors: number;
}

type Clients = Record<'reception' | 'officer' | 'leader', ApiClient>;

/**
 * How the load arrives. `workers`: closed loop, each worker starts its next dossier when its last
 * one ends (finds the saturating throughput). `rate`: open loop, a new dossier every 1/rate
 * seconds whatever the system's pace, as citizens arrive (latency at a given load).
 */
export type LoadShape = { workers: number } | { rate: number };

/**
 * Simulated desk and officers: each dossier is received, then its five tasks are claimed and
 * completed in turn (each completion names the next task), until the time is up.
 */
export async function runHttpLoad(
  baseUrls: string[],
  shape: LoadShape,
  seconds: number,
  procedureCode: string,
): Promise<LoadResult> {
  const result: LoadResult = { lifecycles: 0, finished: [], requests: 0, completeLatenciesMs: [], errors: 0 };
  const sessions = await signInEverywhere(baseUrls);
  const until = Date.now() + seconds * 1000;
  if ('rate' in shape) {
    await openLoop(sessions, shape.rate, until, procedureCode, result);
  } else {
    const runs = Array.from({ length: shape.workers }, (_, i) =>
      worker(sessions[i % sessions.length]!, until, procedureCode, result),
    );
    await Promise.all(runs);
  }
  return result;
}

/** One session per user and server, shared by that server's workers: signing in is not what we measure. */
async function signInEverywhere(baseUrls: string[]): Promise<Clients[]> {
  return Promise.all(
    baseUrls.map(async (baseUrl) => {
      const [reception, officer, leader] = await Promise.all(
        ['tiepnhan', 'chuyenvien', 'lanhdao'].map((u) => ApiClient.as(baseUrl, u)),
      );
      return { reception: reception!, officer: officer!, leader: leader! } as Clients;
    }),
  );
}

/**
 * Starts dossiers on the arrival schedule, then waits for them all. Arrivals do not wait for the
 * system: after a stall the late ones start at once, so a slow answer shows in the latencies
 * instead of thinning the load (no coordinated omission).
 */
async function openLoop(
  sessions: Clients[],
  rate: number,
  until: number,
  procedureCode: string,
  result: LoadResult,
): Promise<void> {
  const started: Promise<void>[] = [];
  const gapMs = 1000 / rate;
  for (let next = Date.now(); next < until; next += gapMs) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
    started.push(counted(sessions[started.length % sessions.length]!, procedureCode, result));
  }
  await Promise.all(started);
}

async function worker(
  clients: Clients,
  until: number,
  procedureCode: string,
  result: LoadResult,
): Promise<void> {
  while (Date.now() < until) await counted(clients, procedureCode, result);
}

async function counted(clients: Clients, procedureCode: string, result: LoadResult): Promise<void> {
  try {
    const code = await lifecycle(clients, procedureCode, result);
    if (code) {
      result.lifecycles += 1;
      result.finished.push(code);
    }
  } catch (err) {
    if (!result.errors) console.error(`first error: ${(err as Error).message}`);
    result.errors += 1;
  }
}

/** One dossier from intake to its end; its code, or null when a completion was refused. */
async function lifecycle(
  clients: Clients,
  procedureCode: string,
  result: LoadResult,
): Promise<string | null> {
  const intake = await clients.reception.post('/api/dossiers', {
    procedureCode,
    applicant: { fullName: 'Nguyễn Văn Thử', idNumber: '001099000001' },
    data: { note: 'bench' },
    channel: 'in_person',
  });
  if (intake.status !== 201)
    throw new Error(`intake answered ${intake.status}: ${JSON.stringify(intake.body)}`);
  result.requests += 1;
  let taskId: string | undefined = intake.body.nextTasks[0]?.id;
  for (const [step, outcome] of STEPS) {
    if (!taskId) throw new Error(`no open task before step ${step}`);
    const client = clients[WORKER_OF[step]!];
    await client.post(`/api/tasks/${taskId}/claim`);
    const started = performance.now();
    const done = await client.post(`/api/tasks/${taskId}/complete`, {
      ...(outcome ? { outcome } : {}),
      ...(step === 'return_result' ? { handover: HANDOVER } : {}),
    });
    result.completeLatenciesMs.push(performance.now() - started);
    result.requests += 2;
    if (done.status !== 200) {
      result.errors += 1;
      return null;
    }
    taskId = done.body.nextTasks[0]?.id;
  }
  return intake.body.code;
}
