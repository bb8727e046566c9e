import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { logger } from './logger.js';

/** What every embedded cluster of releases before random passwords was initialised with. */
export const LEGACY_PASSWORD = 'motcua-embedded';

export interface ClusterSecret {
  password: string;
  /** The cluster still has LEGACY_PASSWORD: settleLegacyPassword replaces it once it runs. */
  legacy: boolean;
  file: string;
}

/** DATA_DIR/pg-password beside DATA_DIR/pg: backed up and removed with the data it opens. */
export function passwordFileOf(dir: string): string {
  return path.join(path.dirname(dir), 'pg-password');
}

/**
 * The password of the cluster in `dir`. A new cluster gets a random one (other local users,
 * and every other checkout of this project, cannot guess it), written before initdb so a crash
 * during initdb does not lose it.
 */
export async function clusterPassword(dir: string, initialised: boolean): Promise<ClusterSecret> {
  const file = passwordFileOf(dir);
  const kept = await readPassword(file);
  if (kept) return { password: kept, legacy: false, file };
  if (initialised) return { password: LEGACY_PASSWORD, legacy: true, file };
  const password = randomPassword();
  await writePassword(file, password);
  return { password, legacy: false, file };
}

/**
 * A cluster initialised by an older release has the constant every checkout knows. Keeping it
 * would leave that hole open forever, so at its first start with this release it gets a random
 * password: written to `pg-password.new`, set with ALTER ROLE, then renamed into place. A crash
 * between two steps leaves a password that works: the pending one is tried first next time.
 * `urlWith` gives the URL of the running cluster's `postgres` database for a password.
 */
export async function settleLegacyPassword(
  secret: ClusterSecret,
  urlWith: (password: string) => string,
): Promise<string> {
  if (!secret.legacy) return secret.password;
  const pending = `${secret.file}.new`;
  const earlier = await readPassword(pending);
  if (earlier && (await canConnect(urlWith(earlier)))) {
    await fs.rename(pending, secret.file);
    return earlier;
  }
  const next = randomPassword();
  await writePassword(pending, next);
  const client = new pg.Client({ connectionString: urlWith(LEGACY_PASSWORD) });
  await client.connect();
  try {
    // base64url: nothing in it needs quoting.
    await client.query(`alter role current_user password '${next}'`);
  } finally {
    await client.end();
  }
  await fs.rename(pending, secret.file);
  logger.info(
    { component: 'postgres' },
    `the embedded cluster had the old built-in password; it now has a random one, kept in ${secret.file}`,
  );
  return next;
}

function randomPassword(): string {
  return crypto.randomBytes(24).toString('base64url');
}

async function readPassword(file: string): Promise<string | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  return text?.trim() || null;
}

async function writePassword(file: string, password: string): Promise<void> {
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  await fs.chmod(file, 0o600);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
