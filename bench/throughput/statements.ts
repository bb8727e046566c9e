import fs from 'node:fs/promises';
import pg from 'pg';

export interface StatementCount {
  /** Normalised text, as pg_stat_statements shows it ($1 for every constant). */
  query: string;
  callsPerLifecycle: number;
  /** PostgreSQL's execution time per call (planning excluded), in ms. */
  meanMs: number;
}

/**
 * Statement counts from pg_stat_statements (the cluster must preload it: scratch-postgres'
 * `statements`). `reset` before the load, `read` after it: what the servers sent in between, in
 * the bench's database only, BEGIN and COMMIT included.
 */
export function statementCounter(url: string) {
  const query = async <R extends object>(text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    async reset(): Promise<void> {
      await query('create extension if not exists pg_stat_statements');
      await query('select pg_stat_statements_reset()');
    },
    async read(lifecycles: number): Promise<StatementCount[]> {
      const rows = await query<{ query: string; calls: number; mean_ms: number }>(
        `select query, calls, mean_exec_time as mean_ms from pg_stat_statements
          where dbid = (select oid from pg_database where datname = current_database())
            and query not like '%pg_stat_statements%'
          order by calls desc, query`,
      );
      return rows.map((r) => ({
        query: r.query.replace(/\s+/g, ' ').trim(),
        callsPerLifecycle: Number((Number(r.calls) / lifecycles).toFixed(2)),
        meanMs: Number(Number(r.mean_ms).toFixed(3)),
      }));
    },
  };
}

/**
 * A trigger function's own statement (PL/pgSQL `PERFORM f(NEW, …)`): no client can send one that
 * names NEW or OLD. Deferred triggers run theirs during COMMIT, where pg_stat_statements counts
 * them as top-level statements; they are work of the database, not round trips.
 */
export function inTrigger(query: string): boolean {
  return /^SELECT \w+\((NEW|OLD)\b/.test(query);
}

/**
 * The counts as a markdown table, most frequent first, with the total per lifecycle of the
 * statements the servers sent (the triggers' own are listed, and left out of the total).
 */
export async function writeStatementTable(file: string, counts: StatementCount[]): Promise<number> {
  const sent = counts.filter((c) => !inTrigger(c.query));
  const total = sent.reduce((sum, c) => sum + c.callsPerLifecycle, 0);
  const triggers = counts.filter((c) => inTrigger(c.query)).reduce((sum, c) => sum + c.callsPerLifecycle, 0);
  const lines = [
    `${total.toFixed(1)} statements per lifecycle sent by the servers (and ${triggers.toFixed(1)} run by deferred triggers at commit)`,
    '',
    '| per lifecycle | mean ms | statement |',
    '|---|---|---|',
    ...counts
      .filter((c) => c.callsPerLifecycle >= 0.01)
      .map(
        (c) =>
          `| ${c.callsPerLifecycle} | ${c.meanMs} | \`${c.query.slice(0, 300).replace(/\|/g, '\\|')}\` |`,
      ),
  ];
  await fs.writeFile(file, `${lines.join('\n')}\n`);
  return Number(total.toFixed(1));
}
