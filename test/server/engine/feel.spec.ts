import { expect } from 'chai';
import { MAX_FEEL_ITERATIONS, feelCostError } from '../../../server/src/engine/feel.js';
import { compileDiagram } from '../../../server/src/engine/definitions.js';
import { AppError } from '../../../server/src/core/errors.js';
import { edited, readFixture } from '../../support/fixtures.js';

const APPROVE = '=outcome = "approve" and area &lt;= 250';

describe('FEEL: what an expression may cost is bounded at deploy', () => {
  it('should pass the conditions real procedures write, loops over dossier data included', () => {
    // given
    const conditions = [
      '=outcome = "approve" and area <= 250',
      'outcome = "sign"',
      'some d in documents satisfies d.missing',
      `count(for i in 1..${MAX_FEEL_ITERATIONS} return i) > 0`,
      'every x in [1, 2, 3] satisfies x > 0',
    ];

    // then
    expect(conditions.map(feelCostError)).to.deep.equal(conditions.map(() => null));
  });

  it('should refuse a million iterations, a range over data, nested loops over data and function definitions', () => {
    // given
    const costly = {
      'count(for i in 1..1000000 return i) > 0': 'loops more than',
      [`count(for i in 1..${MAX_FEEL_ITERATIONS + 1} return i) > 0`]: 'loops more than',
      'count(for a in 1..100, b in 1..100 return a) > 0': 'loops more than',
      'count(for a in 1..100 return for b in 1..100 return b) > 0': 'loops more than',
      'every x in 1..n satisfies x > 0': 'needs number literals',
      'count(for a in items return for b in items return b) > 0': 'over dossier data',
      '{f: function(n) f(n)}.f(1) = 1': 'defines a function',
    };

    // when
    const errors = Object.keys(costly).map(feelCostError);

    // then
    Object.values(costly).forEach((expected, i) =>
      expect(errors[i], Object.keys(costly)[i]).to.contain(expected),
    );
  });

  it('should refuse at deploy a flow condition counting to a million, naming the flow', async () => {
    // given the three-department diagram whose approve condition also counts to a million
    const xml = edited(readFixture('engine/three-departments.bpmn'), [
      APPROVE,
      `${APPROVE} and count(for i in 1..1000000 return i) > 0`,
    ]);

    // when
    const refused = await compileDiagram(xml, { amount: 5, unit: 'days' }).catch((e: AppError) => e);

    // then
    expect(refused).to.be.instanceOf(AppError);
    expect((refused as AppError).code).to.equal('invalid_bpmn');
    expect((refused as AppError).details).to.deep.include({
      elementId: 'f_approve',
      message: `Condition loops more than ${MAX_FEEL_ITERATIONS} times`,
    });
  });

  it('should refuse a FEEL timer value that loops, and keep literal ISO values', async () => {
    // given a boundary timer whose FEEL duration also counts to a million
    const fixture = readFixture('dossiers/timer-escalation.bpmn');
    const timer = '=duration("PT" + string(overdueSeconds) + "S")';
    const xml = edited(fixture, [
      timer,
      '=duration("PT" + string(overdueSeconds + count(for i in 1..1000000 return i)) + "S")',
    ]);

    // when
    const accepted = await compileDiagram(fixture, { amount: 30, unit: 'days' }).then(
      () => 'deployed',
      (e: AppError) => JSON.stringify(e.details),
    );
    const refused = await compileDiagram(xml, { amount: 30, unit: 'days' }).catch((e: AppError) => e);

    // then
    expect(accepted).to.equal('deployed');
    expect(JSON.stringify((refused as AppError).details)).to.contain('Timer value loops more than');
  });
});
