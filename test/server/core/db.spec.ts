import { expect } from 'chai';
import type pg from 'pg';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { openDatabase, type Database } from '../../../server/src/core/db.js';
import { users } from '../../../server/src/db/schema.js';
import { freshDatabaseUrl } from '../../support/database.js';

describe('database pool: repeated statements are prepared', () => {
  let database: Database;
  // One connection of the pool, so every statement below meets the same backend.
  let client: pg.PoolClient;

  before(async () => {
    database = await openDatabase(await freshDatabaseUrl(), 2);
    client = await database.pool.connect();
  });

  after(async () => {
    client.release();
    await database.close();
  });

  const prepared = async () =>
    (await client.query<{ statement: string }>('select statement from pg_prepared_statements')).rows.map(
      (r) => r.statement,
    );

  it('should prepare a parameterised statement on its second run, and reuse it after', async () => {
    // given a Drizzle query and a plain one (a text no other spec sends), each run once
    const db = drizzle(client);
    const byName = (username: string) => db.select().from(users).where(eq(users.username, username));
    const plain = 'select $1::int + 1 as prepared_spec';
    await byName('admin');
    await client.query(plain, [1]);
    expect(await prepared()).not.to.include(plain);
    // when each runs again, and then a third time with other values
    await byName('nobody');
    await client.query(plain, [2]);
    const third = await client.query(plain, [41]);
    // then each is prepared once on the connection and answers for its own values
    const statements = await prepared();
    expect(statements.filter((s) => s === plain)).to.have.length(1);
    expect(statements.filter((s) => s.includes('from "users" where "users"."username" = $1'))).to.have.length(
      1,
    );
    expect(third.rows).to.deep.equal([{ prepared_spec: 42 }]);
  });

  it('should leave statements without parameters unprepared', async () => {
    // when
    await client.query('select 1 as one');
    await client.query('select 1 as one');
    // then
    expect((await prepared()).filter((s) => s.includes('select 1 as one'))).to.deep.equal([]);
  });
});
