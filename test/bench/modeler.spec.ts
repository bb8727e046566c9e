import { expect } from 'chai';
import { benchModeler } from '../../bench/modeler/run.js';
import { freshDatabaseUrl } from '../support/database.js';

describe('bench:modeler (smoke size)', function () {
  this.timeout(180_000);

  it('should time each cold load of the editor and read the heap after each of 20 diagrams', async () => {
    // given a seeded database
    const databaseUrl = await freshDatabaseUrl();
    const lines: string[] = [];

    // when the bench loads the editor twice and opens and closes the catalogue's diagrams
    const result = await benchModeler({ runs: 2, databaseUrl, log: (l) => lines.push(l) });

    // then it timed both loads, counted the script the editor downloads, and measured the heap
    expect(result.coldLoadMs.n).to.equal(2);
    expect(result.scriptKiB).to.be.greaterThan(100);
    expect(result.heapMiB.after20).to.be.greaterThan(0);
    expect(JSON.parse(lines.at(-1)!)).to.include({ bench: 'modeler' });
  });
});
