import { expect } from 'chai';
import pg from 'pg';
import { benchThroughput } from '../../bench/throughput/run.js';
import { freshDatabaseUrl } from '../support/database.js';

describe('bench:throughput (smoke size)', function () {
  this.timeout(120_000);

  it('should drive every lifecycle it counts to its end, through two server processes', async () => {
    // given an empty database, two server processes and four simulated officers for 2 seconds
    const databaseUrl = await freshDatabaseUrl();

    // when the bench runs
    const result = await benchThroughput({ seconds: 2, workers: 4, servers: 2, databaseUrl, log: () => {} });

    // then each counted lifecycle is a finished dossier with its five tasks completed, and nothing more
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ code: string; finished: boolean; completed: number; open: number }>(
        `select d.code, d.finished_at is not null as finished,
                count(t.id) filter (where t.status = 'completed')::int as completed,
                count(t.id) filter (where t.status in ('open', 'claimed'))::int as open
           from dossiers d left join tasks t on t.dossier_id = d.id group by d.id`,
      );
      expect(result.errors).to.equal(0);
      expect(result.lifecycles).to.be.greaterThan(0).and.equal(result.dossierCodes.length);
      expect(rows.map((r) => r.code).sort()).to.deep.equal([...result.dossierCodes].sort());
      expect(rows.filter((r) => !r.finished || r.completed !== 5 || r.open !== 0)).to.deep.equal([]);
      expect(result.bareEngine.lifecyclesPerSecond).to.be.greaterThan(0);
      expect(Number.isFinite(result.completeTaskMs.p50)).to.equal(true);
    } finally {
      await pool.end();
    }
  });
});
