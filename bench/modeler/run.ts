import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { spawnServer, type ServerProcess } from '../../test/support/server-process.js';
import { CATALOGUE } from '../../test/support/catalogue-walk.js';
import { launchBrowser, openSession, signIn } from '../../test/client/support/browser.js';
import { openAndCloseDiagrams } from '../../test/client/support/heap.js';
import { benchArgs, requiredNumber } from '../support/args.js';
import { freePort } from '../support/free-port.js';
import { percentiles } from '../support/percentiles.js';
import { scratchDatabase, type ScratchDatabase } from '../support/scratch-postgres.js';

/**
 * bench:modeler — what the designer waits for and what the page keeps: the time from asking
 * for /modeler/<code> with an empty cache to the diagram drawn, the script it downloads, and
 * the JS heap after opening and closing the catalogue's diagrams 20 times.
 */
export async function benchModeler({
  runs,
  databaseUrl,
  log = console.log,
}: {
  runs: number;
  /** An existing seeded database (the test suite's); by default a scratch one is made and dropped. */
  databaseUrl?: string;
  log?: (line: string) => void;
}) {
  const database: Pick<ScratchDatabase, 'url' | 'stop'> = databaseUrl
    ? { url: databaseUrl, stop: async () => {} }
    : await scratchDatabase({ name: 'motcua_bench_modeler' });
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-modeler-'));
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  try {
    server = await spawnServer(database.url, await freePort(), { JOBS: 'false', DATA_DIR: dataDir });
    browser = await launchBrowser();
    const loads: number[] = [];
    let scriptBytes = 0;
    for (let i = 0; i < runs; i++) {
      const measured = await coldLoad(browser, server.baseUrl, CATALOGUE[i % CATALOGUE.length]!);
      loads.push(measured.ms);
      scriptBytes = measured.scriptBytes;
    }
    const session = await openSession(browser, server.baseUrl);
    await signIn(session, 'thietke');
    const codes = Array.from({ length: 20 }, (_, i) => CATALOGUE[i % CATALOGUE.length]!);
    const heaps = await openAndCloseDiagrams(session.page, codes);
    await session.close();
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;
    const result = {
      bench: 'modeler',
      coldLoadMs: percentiles(loads),
      scriptKiB: Math.round(scriptBytes / 1024),
      heapMiB: { after1: mb(heaps[0]!), after10: mb(heaps[9]!), after20: mb(heaps[19]!) },
    };
    log(JSON.stringify(result));
    return result;
  } finally {
    await browser?.close();
    await server?.kill('SIGTERM');
    await database.stop();
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}

/** A signed-in designer in a new context (nothing cached) asks for the editor of `code`. */
async function coldLoad(browser: Browser, baseUrl: string, code: string) {
  const session = await openSession(browser, baseUrl);
  try {
    await signIn(session, 'thietke');
    const { page } = session;
    let scriptBytes = 0;
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      void response.body().then(
        (body) => (scriptBytes += body.length),
        () => undefined,
      );
    });
    const started = performance.now();
    await page.goto(`/modeler/${code}`);
    await page.locator('[data-testid=modeler-canvas] .djs-element').first().waitFor();
    const ms = performance.now() - started;
    return { ms, scriptBytes };
  } finally {
    await session.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const values = benchArgs(process.argv.slice(2), { runs: { default: '10' } });
  Promise.resolve()
    .then(() => benchModeler({ runs: requiredNumber(values.runs, 'runs', 1) }))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
