import { expect } from 'chai';
import fc from 'fast-check';
import { percentile, stepFigures } from '../../../server/src/reports/step-figures.js';
import { freshDatabaseUrl, queryDatabase } from '../../support/database.js';

describe('reports: step figures', () => {
  it('should compute percentiles as PostgreSQL’s percentile_cont does', async () => {
    // given an empty database to ask percentile_cont
    const url = await freshDatabaseUrl('empty');
    const sample = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(sample, async (minutes) => {
        // when both compute the median and the 90th percentile of the same minutes
        const { rows } = await queryDatabase<{ median: number; p90: number }>(
          url,
          `select percentile_cont(0.5) within group (order by m) as median,
                  percentile_cont(0.9) within group (order by m) as p90
             from unnest($1::int[]) as m`,
          [minutes],
        );
        const sorted = [...minutes].sort((a, b) => a - b);
        // then they agree
        expect(percentile(sorted, 0.5)).to.be.closeTo(rows[0]!.median, 1e-9);
        expect(percentile(sorted, 0.9)).to.be.closeTo(rows[0]!.p90, 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('should leave activations without a due time out of the on-time share', () => {
    // given two on time, one late and one whose step had no budget (90, 30, 600 and 60 minutes in all)
    const figures = stepFigures([
      { waitingMinutes: 30, workingMinutes: 60, onTime: true },
      { waitingMinutes: 0, workingMinutes: 30, onTime: true },
      { waitingMinutes: 480, workingMinutes: 120, onTime: false },
      { waitingMinutes: 60, workingMinutes: 0, onTime: null },
    ]);

    // then 2 of 3 with a due time; totals 0.5, 1, 1.5, 10 h: median 1.25, p90 1.5 + 0.7 × 8.5 = 7.45
    expect(figures).to.deep.include({ completed: 4, withDue: 3, onTimeShare: 0.6667 });
    expect(figures.total).to.deep.equal({ median: 1.25, p90: 7.45 });
  });
});
