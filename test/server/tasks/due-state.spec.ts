import { expect } from 'chai';
import { weekdaysCalendar } from '../../../server/src/calendar/working-time.js';
import { dueOf } from '../../../server/src/tasks/due-state.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const FRIDAY_4PM = vn('2026-11-27T16:00:00');

describe('tasks: due markers in working time', () => {
  it('should call a step due on Monday morning "soon" on Friday afternoon, though 66 wall-clock hours away', () => {
    // given Friday 16:00, a step due Monday 10:00 (1 h on Friday + 2 h 30 on Monday)
    // when
    const due = dueOf(vn('2026-11-30T10:00:00'), FRIDAY_4PM, false, weekdaysCalendar);
    // then
    expect(due).to.deep.equal({ state: 'soon', workingMinutesLeft: 210 });
  });

  it('should not call a step due soon while more than one working day is left', () => {
    // given a step due Tuesday 09:00: 1 h Friday + 8 h Monday + 1 h 30 Tuesday
    const due = dueOf(vn('2026-12-01T09:00:00'), FRIDAY_4PM, false, weekdaysCalendar);
    expect(due).to.deep.equal({ state: 'ok', workingMinutesLeft: 630 });
  });

  it('should count overdue time in working minutes, and stop counting while the dossier is paused', () => {
    // given a step that fell due on Friday 11:00
    const dueAt = vn('2026-11-27T11:00:00');
    // then it is 30 + 180 working minutes late at 16:00 (the lunch break does not count)
    expect(dueOf(dueAt, FRIDAY_4PM, false, weekdaysCalendar)).to.deep.equal({
      state: 'overdue',
      workingMinutesLeft: -210,
    });
    expect(dueOf(dueAt, FRIDAY_4PM, true, weekdaysCalendar)).to.deep.equal({
      state: 'paused',
      workingMinutesLeft: null,
    });
    expect(dueOf(null, FRIDAY_4PM, false, weekdaysCalendar)).to.deep.equal({
      state: 'none',
      workingMinutesLeft: null,
    });
  });
});
