import { expect } from 'chai';
import { addWorkingTime } from '../../../server/src/calendar/working-time.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('working time', () => {
  it('should count N working days as N × 8 working hours from the receipt', () => {
    // Tuesday 09:00 + 1 day → Wednesday 09:00
    expect(addWorkingTime(vn('2026-11-24T09:00:00'), 1, 'days')).to.deep.equal(vn('2026-11-25T09:00:00'));
  });

  it('should carry a Friday 16:30 receipt over the weekend', () => {
    // 30 minutes on Friday; the other 7h30 on Monday: 4h in the morning, 3h30 from 13:00
    expect(addWorkingTime(vn('2026-11-27T16:30:00'), 1, 'days')).to.deep.equal(vn('2026-11-30T16:30:00'));
  });

  it('should skip the lunch break for a duration in hours', () => {
    expect(addWorkingTime(vn('2026-11-24T10:30:00'), 2, 'hours')).to.deep.equal(vn('2026-11-24T14:00:00'));
  });

  it('should start a receipt outside working hours at the next working period', () => {
    expect(addWorkingTime(vn('2026-11-24T19:00:00'), 1, 'hours')).to.deep.equal(vn('2026-11-25T08:30:00'));
    expect(addWorkingTime(vn('2026-11-28T10:00:00'), 3, 'days')).to.deep.equal(vn('2026-12-02T17:00:00'));
  });

  it('should count from the next working day after the cut-off', () => {
    expect(addWorkingTime(vn('2026-11-24T15:10:00'), 4, 'hours', undefined, { cutoff: '15:00' })).to.deep.equal(
      vn('2026-11-25T11:30:00'),
    );
  });
});
