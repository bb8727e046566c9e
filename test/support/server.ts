import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/src/core/config.js';
import { startServer, type RunningServer } from '../../server/src/main.js';
import { freshDatabaseUrl } from './database.js';

export interface TestServer {
  baseUrl: string;
  databaseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server, in-process, on a random loopback port and a fresh copy of the seeded database
 * (demo data, the catalogue deployed); uploaded files go to a temporary folder removed on close.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = await freshDatabaseUrl();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-data-'));
  const config = { ...loadConfig({ ...env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir }), port: 0 };
  const running: RunningServer = await startServer(config);
  return {
    baseUrl: `http://127.0.0.1:${running.port}`,
    databaseUrl,
    dataDir,
    close: async () => {
      await running.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
