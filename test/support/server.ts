import { loadConfig } from '../../server/src/core/config.js';
import { startServer, type RunningServer } from '../../server/src/main.js';
import { freshDatabaseUrl } from './database.js';

export interface TestServer {
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real server, in-process, on a random loopback port and a fresh database with demo data. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = await freshDatabaseUrl();
  const config = { ...loadConfig({ ...env, DATABASE_URL: databaseUrl }), port: 0 };
  const running: RunningServer = await startServer(config);
  return { baseUrl: `http://127.0.0.1:${running.port}`, databaseUrl, close: () => running.close() };
}
