import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../../server/src/db/schema.js';
import { SCENARIOS, type Sample } from './measure.js';
import { Random } from './random.js';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each scenario sends, captured from a Drizzle
 * logger while the real function runs once: the plans are of the exact SQL, not a rewrite.
 */
export async function explainScenarios(pool: pg.Pool, sample: Sample, seed: number): Promise<string> {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (query, params) => void captured.push({ query, params }) },
  });
  const out: string[] = [];
  for (const scenario of SCENARIOS) {
    captured.length = 0;
    await scenario.run(db, sample, new Random(seed));
    for (const { query, params } of [...captured]) {
      const plan = await pool.query(`explain (analyze, buffers) ${query}`, params);
      out.push(`### ${scenario.name}`, '```sql', query, `-- params: ${JSON.stringify(params)}`, '```', '```');
      out.push(...plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']!), '```', '');
    }
  }
  return out.join('\n');
}
