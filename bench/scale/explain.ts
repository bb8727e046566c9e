import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from '../../server/src/db/schema.js';
import { SCENARIOS } from './measure.js';
import { Random } from './random.js';
import type { Sample } from './scenario.js';

type Captured = { query: string; params: unknown[] };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement each scenario sends, captured at the pool while
 * the real function runs once: the plans are of the exact SQL, not a rewrite. The pool, not a
 * Drizzle logger, because the reports send their SQL through `db.$client` too.
 */
export async function explainScenarios(pool: pg.Pool, sample: Sample, seed: number): Promise<string> {
  const captured: Captured[] = [];
  const db = drizzle(capturing(pool, captured), { schema });
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

/** The pool, with every query it is sent (text or config object) written down first. */
function capturing(pool: pg.Pool, captured: Captured[]): pg.Pool {
  const query = (config: string | pg.QueryConfig, values?: unknown[]) => {
    const text = typeof config === 'string' ? config : config.text;
    captured.push({
      query: text,
      params: values ?? (typeof config === 'string' ? [] : (config.values ?? [])),
    });
    return pool.query(config as never, values as never);
  };
  return new Proxy(pool, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)) });
}
