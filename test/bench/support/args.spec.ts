import { expect } from 'chai';
import { throughputOptions } from '../../../bench/throughput/run.js';

describe('bench command lines', () => {
  it('should hand --hot and every other throughput option to the bench', () => {
    // when
    const options = throughputOptions([
      '--hot',
      '0',
      '--seconds',
      '5',
      '--workers',
      '3',
      '--servers',
      '1',
      '--profile',
      'prof',
      '--statements',
      'counts.md',
    ]);
    // then
    expect(options).to.deep.equal({
      seconds: 5,
      workers: 3,
      rate: undefined,
      servers: 1,
      hotEngines: 0,
      profileDir: 'prof',
      statementsFile: 'counts.md',
    });
    expect(throughputOptions([]).hotEngines).to.equal(undefined);
  });

  it('should take an open-loop --rate instead of closed-loop --workers, never both', () => {
    expect(throughputOptions(['--rate', '5'])).to.include({ rate: 5 });
    expect(throughputOptions([])).to.include({ workers: 24, rate: undefined });
    expect(() => throughputOptions(['--rate', '5', '--workers', '3'])).to.throw(/exclude each other/);
    expect(() => throughputOptions(['--rate', '0'])).to.throw('--rate takes a whole number of 1 or more');
  });

  it('should refuse an option it does not read, a stray argument and a value that is not a number', () => {
    expect(() => throughputOptions(['--hot-engines', '0'])).to.throw(/Unknown option '--hot-engines'/);
    expect(() => throughputOptions(['20'])).to.throw(/Unexpected argument '20'/);
    expect(() => throughputOptions(['--hot', 'none'])).to.throw(
      '--hot takes a whole number of 0 or more, not "none"',
    );
    expect(() => throughputOptions(['--seconds', '0'])).to.throw(
      '--seconds takes a whole number of 1 or more',
    );
  });
});
