import { expect } from 'chai';
import { freshDatabaseUrl } from '../support/database.js';
import { runCrashBench, type CrashOptions } from '../../bench/crash/crash-run.js';
import { HOSTILE_KINDS } from '../../bench/crash/hostile.js';

describe('bench:crash (smoke size)', function () {
  this.timeout(120_000);

  const smoke = async (servers: 1 | 2): Promise<Omit<CrashOptions, 'log'>> => ({
    databaseUrl: await freshDatabaseUrl(),
    servers,
    dossiers: 30,
    kills: 3,
    between: [300, 900],
  });

  for (const servers of [1, 2] as const) {
    it(`should lose and duplicate nothing when ${servers === 1 ? 'its server is' : 'two servers are'} SIGKILLed 3 times amid hostile traffic`, async () => {
      // given a load of intakes and officer work, an attacker's requests beside it, and 3 random SIGKILLs
      const options = await smoke(servers);

      // when the run drives every dossier to its end
      const result = await runCrashBench({ ...options, log: () => {} });

      // then no server died but of the bench's kills (a crash ends the run early: say why first)
      expect(result.exitReports).to.deep.equal([]);
      expect(result.unexplainedExits).to.equal(0);
      // and every acknowledged write is there exactly once and nothing is stuck
      expect(result.unexpected).to.deep.equal([]);
      expect(result.kills).to.equal(3);
      expect(result.intakes.acknowledged).to.equal(30);
      expect(result.intakes).to.include({ found: 30, duplicated: 0, lost: 0 });
      expect(result.completions.acknowledged, 'every dossier needs at least one completion').to.be.at.least(
        30,
      );
      expect(result.completions.found).to.equal(result.completions.acknowledged);
      expect(result.completions).to.include({ duplicated: 0, lost: 0 });
      expect(result.disagreeing).to.deep.equal({ afterKills: [], atEnd: [] });
      expect(result.stuck).to.equal(0);
      // and the hostile requests of every kind were sent and refused without a 5xx
      for (const kind of HOSTILE_KINDS) expect(result.hostile.sent[kind], kind).to.be.greaterThan(0);
      expect(result.hostile.failures).to.deep.equal([]);
    });
  }
});
