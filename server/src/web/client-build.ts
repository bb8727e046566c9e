import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logger } from '../core/logger.js';
import { BROWSER_SHARED } from './browser-shared.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLIENT_DIR = path.join(root, 'client');
export const CLIENT_DIST = path.join(CLIENT_DIR, 'dist');

/** Everything the built client is made from: a change to any of these makes the build stale. */
const SOURCES = [
  ...['src', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(CLIENT_DIR, p)),
  // The designer's pages, served by the same build at /modeler.
  path.join(root, 'modeler/src'),
  // The server modules the client imports, so that browser and server validate and lint alike.
  ...BROWSER_SHARED.map((p) => path.join(root, 'server/src', p)),
  path.join(root, 'server/src/web/browser-shared.ts'),
];

/** True when client/dist is missing or older than any of its sources. */
export function clientIsStale(): boolean {
  const built = mtimeOf(path.join(CLIENT_DIST, 'index.html'));
  if (built === null) return true;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/**
 * Builds the client with Vite when it is missing or stale, so `npm start` serves what the
 * sources say. Runs Vite in a child process: its output stays out of the server's own.
 */
export async function ensureClientBuilt(
  log: (line: string) => void = (line) => logger.info({ component: 'web' }, line),
): Promise<void> {
  if (!clientIsStale()) return;
  log('Building the web client (client/dist is missing or older than client/src)…');
  const vite = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  const child = spawn(
    process.execPath,
    [vite, 'build', '--config', path.join(CLIENT_DIR, 'vite.config.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`Building the web client failed (exit ${code}):\n${output}`);
}

function mtimeOf(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}
