import { expect } from 'chai';
import type { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';

describe('calendar admin: what a refused holiday or working day says', () => {
  let server: TestServer;
  let admin: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    ({ admin, leader } = await signIn(server.baseUrl, 'admin', 'leader'));
  });

  after(() => server.close());

  it('should name the calendar rule each 422 breaks, on the field to fix', async () => {
    // when
    const backwards = await admin.post('/api/admin/calendar/holidays', {
      from: '2026-12-10',
      to: '2026-12-09',
      name: 'Ngược',
    });
    const tooLong = await admin.post('/api/admin/calendar/holidays', {
      from: '2026-01-01',
      to: '2026-06-30',
      name: 'Quá dài',
    });
    const weekday = await admin.post('/api/admin/calendar/workdays', { date: '2026-12-09', name: 'Thứ Tư' });
    const notADate = await admin.post('/api/admin/calendar/workdays', { date: '2026-13-45', name: 'Sai' });
    // then
    const first = (res: typeof backwards) => [res.status, res.body.error.code, res.body.error.details[0]];
    expect(first(backwards)).to.deep.equal([
      422,
      'validation_failed',
      { path: '/to', message: 'must not be before from', keyword: 'holidayOrder', params: {} },
    ]);
    expect(first(tooLong)[2]).to.deep.include({
      path: '/to',
      keyword: 'holidayTooLong',
      params: { maxDays: 60 },
    });
    expect(first(weekday)[2]).to.deep.include({ path: '/date', keyword: 'workdayIsWeekday' });
    expect(first(notADate)[2]).to.deep.include({ path: '/date', keyword: 'format' });
  });

  it('should refuse every calendar change by a non-admin with 403', async () => {
    // when
    const answers = await Promise.all([
      leader.post('/api/admin/calendar/holidays', { from: '2026-12-10', to: '2026-12-10', name: 'Nghỉ' }),
      leader.post('/api/admin/calendar/workdays', { date: '2026-12-12', name: 'Làm bù' }),
      leader.request<any>('DELETE', '/api/admin/calendar/holidays/1'),
      leader.get('/api/admin/calendar/workdays'),
    ]);
    // then
    expect(answers.map((a) => [a.status, a.body.error.code])).to.deep.equal(
      Array(4).fill([403, 'forbidden']),
    );
  });
});
