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
 * Simulated desk and officers: each worker receives a dossier, then claims and completes its
 * five tasks in turn (each completion names the next task), until the time is up.
 */
export async function runHttpLoad(
  baseUrls: string[],
  workers: number,
  seconds: number,
  procedureCode: string,
): Promise<LoadResult> {
  const result: LoadResult = { lifecycles: 0, finished: [], requests: 0, completeLatenciesMs: [], errors: 0 };
  // One session per user and server, shared by that server's workers: signing in is not what we measure.
  const sessions = await Promise.all(
    baseUrls.map(async (baseUrl) => {
      const [reception, officer, leader] = await Promise.all(
        ['tiepnhan', 'chuyenvien', 'lanhdao'].map((u) => ApiClient.as(baseUrl, u)),
      );
      return { reception: reception!, officer: officer!, leader: leader! } as Clients;
    }),
  );
  const until = Date.now() + seconds * 1000;
  const runs = Array.from({ length: workers }, (_, i) =>
    worker(sessions[i % sessions.length]!, until, procedureCode, result),
  );
  await Promise.all(runs);
  return result;
}

async function worker(
  clients: Clients,
  until: number,
  procedureCode: string,
  result: LoadResult,
): Promise<void> {
  while (Date.now() < until) {
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
    const done = await client.post(`/api/tasks/${taskId}/complete`, outcome ? { outcome } : {});
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
