import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../core/config.js';
import type { Db } from '../core/db.js';
import { seedPublicHolidays } from '../calendar/holidays-seed.js';
import { syncCatalogue } from '../procedures/catalogue-sync.js';
import { disableDemoUsers, ensureAdmin } from './admin.js';
import { seedDemo } from './demo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CATALOGUE_DIR = path.join(root, 'processes');

/**
 * What every start puts in place before serving: the admin, the public holidays, demo data
 * outside production, the catalogue. Each step leaves alone what is already there (an unchanged
 * catalogue procedure is recognised by its checksum), so a restart, or a database copied from
 * one seeded before, costs a few reads. Callers hold a lock so that one process seeds at a time.
 */
export async function seedDatabase(
  db: Db,
  config: Pick<Config, 'adminPassword' | 'adminPasswordGiven' | 'production' | 'demo'>,
): Promise<void> {
  await ensureAdmin(db, config.adminPassword, config.adminPasswordGiven);
  if (config.production) await disableDemoUsers(db);
  await seedPublicHolidays(db);
  if (config.demo) await seedDemo(db);
  await syncCatalogue(db, CATALOGUE_DIR);
}
