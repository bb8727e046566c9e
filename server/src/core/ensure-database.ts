import pg from 'pg';

/** Creates `name` on the server at `adminUrl` unless it exists (optionally from a template). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return;
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`create database ${ident(name)}${template ? ` template ${ident(template)}` : ''}`);
  } finally {
    await client.end();
  }
}
