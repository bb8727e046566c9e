import { expect } from 'chai';
import { compileDiagram, sourceContextFor } from '../../../server/src/engine/definitions.js';
import { runEngine } from '../../../server/src/engine/runtime.js';
import { edited, readFixture } from '../../support/fixtures.js';
import { waitFor } from '../../support/wait-for.js';

// A start event, one timer catch event, an end; DURATION stands for the timer's value.
const diagram = (duration: string) => edited(readFixture('engine/long-wait.bpmn'), ['DURATION', duration]);
const LEGAL = { amount: 365, unit: 'days' as const };

describe('engine timers', () => {
  async function start(duration: string, variables: Record<string, unknown> = {}) {
    const compiled = await compileDiagram(diagram(duration), LEGAL);
    const context = sourceContextFor({
      checksum: `timer-${duration}`,
      sourceContext: compiled.sourceContext,
    });
    return runEngine(
      { id: 'd', version: 1, checksum: `timer-${duration}`, sourceContext: context, savedState: null },
      variables,
      { kind: 'start' },
    );
  }

  it('should note a 90-day timer to be stored, far past the 24.8 days setTimeout can hold', async () => {
    // when
    const before = Date.now();
    const run = await start('P90D');
    // then the process waits on the timer, due in 90 days
    expect(run.completed).to.equal(false);
    expect(run.timers).to.have.length(1);
    expect(run.timers[0]!.elementId).to.equal('wait');
    const days = (run.timers[0]!.fireAt.getTime() - before) / 86_400_000;
    expect(days).to.be.closeTo(90, 0.01);
  });

  it('should take a timer value from a FEEL expression over the dossier variables', async () => {
    const before = Date.now();
    const run = await start('=duration("P" + string(days) + "D")', { days: 40 });
    expect((run.timers[0]!.fireAt.getTime() - before) / 86_400_000).to.be.closeTo(40, 0.01);
  });

  it('should fire a stored timer when resumed after its due moment', async () => {
    // given a timer due in one second, saved, and that second passed (bpmn-elements reads the
    // real Date, not the clock tests move)
    const run = await start('PT1S');
    const dueAt = run.timers[0]!.fireAt.getTime();
    await waitFor('the timer to fall due', async () => (Date.now() >= dueAt ? true : undefined));
    // when the process is resumed
    const compiled = await compileDiagram(diagram('PT1S'), LEGAL);
    const context = sourceContextFor({ checksum: 'timer-PT1S', sourceContext: compiled.sourceContext });
    const resumed = await runEngine(
      { id: 'd', version: 2, checksum: 'timer-PT1S', sourceContext: context, savedState: run.state },
      {},
      { kind: 'resume' },
    );
    // then the timer completed and the process ended
    expect(resumed.timers).to.deep.equal([]);
    expect(resumed.completed).to.equal(true);
    expect(resumed.eventsReached.at(-1)).to.equal('end');
  });
});
