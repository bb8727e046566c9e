import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../../test/support/api-client.js';
import { spawnServer, type ServerProcess } from '../../test/support/server-process.js';
import { CATALOGUE, PROCESSES, workToEnd, workerOf } from '../../test/support/catalogue-walk.js';
import { outcomeRoutes } from '../../test/support/outcome-routes.js';
import { launchBrowser, openSession, signIn, type Session } from '../../test/client/support/browser.js';
import type { FlatSchema } from '../../test/server/validators/form-samples.js';
import type { ProcedureDetail } from '../../server/src/procedures/procedures.schema.js';
import { benchArgs } from '../support/args.js';
import { freePort } from '../support/free-port.js';
import { scratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.js';
import { scriptedIntake } from './intake.js';
import { scriptedStep, type RoutedStep } from './routed-step.js';
import { typedValues } from './typed-values.js';
import { printProcedure, summarise, type ProcedureEffort } from './report.js';

export interface EffortOptions {
  /** Procedure codes to walk; by default every folder of processes/. */
  procedures?: string[];
  /** An existing seeded database (the test suite's); by default a scratch one is made and dropped. */
  databaseUrl?: string;
  log?: (line: string) => void;
}

/**
 * bench:effort — the clicks, keystrokes and seconds a scripted clerk needs in the real browser:
 * the intake of each procedure of the catalogue at /reception, then each routed step from /inbox
 * by a user of its lane, every loop of the diagram once, to the dossier's end.
 */
export async function benchEffort(options: EffortOptions = {}) {
  const log = options.log ?? console.log;
  const codes = options.procedures ?? CATALOGUE;
  const unknown = codes.filter((c) => !CATALOGUE.includes(c));
  if (unknown.length) throw new Error(`not in processes/: ${unknown.join(', ')}`);
  const database: Pick<ScratchDatabase, 'url' | 'stop'> = options.databaseUrl
    ? { url: options.databaseUrl, stop: async () => {} }
    : await scratchDatabase({ name: 'motcua_bench_effort' });
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-effort-'));
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  const sessions = new Map<string, Session>();
  try {
    server = await spawnServer(database.url, await freePort(), { JOBS: 'false', DATA_DIR: dataDir });
    browser = await launchBrowser();
    const api = await ApiClient.as(server.baseUrl, 'admin');
    const pageOf = async (username: string): Promise<Page> => {
      if (!sessions.has(username)) {
        const session = await openSession(browser!, server!.baseUrl);
        await signIn(session, username);
        sessions.set(username, session);
      }
      return sessions.get(username)!.page;
    };
    const results: ProcedureEffort[] = [];
    for (const code of codes) {
      const result = await walkProcedure(api, pageOf, code);
      printProcedure(result, log);
      results.push(result);
    }
    const summary = summarise(results);
    log(JSON.stringify({ bench: 'effort', ...summary }));
    return { ...summary, procedures: results };
  } finally {
    for (const session of sessions.values()) await session.close();
    await browser?.close();
    await server?.kill('SIGTERM');
    await database.stop();
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}

async function walkProcedure(
  api: ApiClient,
  pageOf: (username: string) => Promise<Page>,
  code: string,
): Promise<ProcedureEffort> {
  const procedure = (await api.get<ProcedureDetail>(`/api/procedures/${code}`)).body;
  const routes = await outcomeRoutes(fs.readFileSync(path.join(PROCESSES, code, 'process.bpmn'), 'utf8'));
  const values = typedValues(procedure.formSchema as FlatSchema);
  const intake = await scriptedIntake(await pageOf('tiepnhan'), procedure, values);
  const steps: RoutedStep[] = [];
  await workToEnd(api, procedure, routes, intake.dossierCode, values, async (work) => {
    const username = workerOf(work.step);
    steps.push(await scriptedStep(await pageOf(username), username, work, values));
  });
  return { code, name: procedure.name, dossierCode: intake.dossierCode, intake: intake.effort, steps };
}

/** The command line: `--procedures code,code` (default: the whole catalogue). */
export function effortOptions(argv: string[]): EffortOptions {
  const values = benchArgs(argv, { procedures: {} });
  return { procedures: values.procedures?.split(',').map((c) => c.trim()) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.resolve()
    .then(() => benchEffort(effortOptions(process.argv.slice(2))))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
