import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('calendar API', () => {
  let server: TestServer;
  let admin: ApiClient;
  let reception: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    ({ admin, reception } = await signIn(server.baseUrl, 'admin', 'reception'));
  });

  after(() => server.close());

  const due = (from: Date, amount: number, unit: string, extra = '') =>
    reception.get(
      `/api/calendar/due?from=${encodeURIComponent(from.toISOString())}&amount=${amount}&unit=${unit}${extra}`,
    );

  it('should seed the national holidays, Tết among them', async () => {
    const res = await admin.get('/api/admin/calendar/holidays');
    expect(res.body.map((h: any) => h.name)).to.include('Tết Nguyên Đán Bính Ngọ');
    // and the promised date skips it
    const dueAt = await due(vn('2026-02-13T16:00:00'), 2, 'hours');
    expect(dueAt.body.dueAt).to.equal(vn('2026-02-23T08:30:00').toISOString());
  });

  it('should let an admin add and remove a holiday and a compensatory Saturday, and use them at once', async () => {
    // given Friday 4/12/2026 made a holiday of agency QBD, and Saturday 5/12 a working day
    const holiday = await admin.post('/api/admin/calendar/holidays', {
      from: '2026-12-04',
      to: '2026-12-04',
      name: 'Nghỉ bù',
      agencyCode: 'QBD',
    });
    const workday = await admin.post('/api/admin/calendar/workdays', {
      date: '2026-12-05',
      name: 'Làm bù',
      agencyCode: 'QBD',
    });
    expect(holiday.status).to.equal(201);
    expect(workday.status).to.equal(201);

    // when the reception desk asks from Thursday 16:00 for 2 hours
    const forAgency = await due(vn('2026-12-03T16:00:00'), 2, 'hours', '&agency=QBD');
    const national = await due(vn('2026-12-03T16:00:00'), 2, 'hours');

    // then the agency's calendar goes Thursday → Saturday; the national one → Friday
    expect(forAgency.body.dueAt).to.equal(vn('2026-12-05T08:30:00').toISOString());
    expect(national.body.dueAt).to.equal(vn('2026-12-04T08:30:00').toISOString());

    // and removing both restores the default
    expect(
      (await admin.request('DELETE', `/api/admin/calendar/holidays/${holiday.body.id}`)).status,
    ).to.equal(204);
    expect(
      (await admin.request('DELETE', `/api/admin/calendar/workdays/${workday.body.id}`)).status,
    ).to.equal(204);
    expect((await due(vn('2026-12-03T16:00:00'), 2, 'hours', '&agency=QBD')).body.dueAt).to.equal(
      vn('2026-12-04T08:30:00').toISOString(),
    );
  });

  it('should apply the cut-off and refuse bad input with 422', async () => {
    const cut = await due(vn('2026-11-24T15:30:00'), 1, 'hours', '&cutoff=15:00');
    expect(cut.body.dueAt).to.equal(vn('2026-11-25T08:30:00').toISOString());
    expect((await due(vn('2026-11-24T15:30:00'), -1, 'days')).status).to.equal(422);
    expect((await reception.get('/api/calendar/due?from=yesterday&amount=1&unit=days')).status).to.equal(422);
    const weekday = await admin.post('/api/admin/calendar/workdays', { date: '2026-12-02', name: 'x' });
    expect(weekday.status).to.equal(422);
    const backwards = await admin.post('/api/admin/calendar/holidays', {
      from: '2026-12-05',
      to: '2026-12-01',
      name: 'x',
    });
    expect(backwards.status).to.equal(422);
    expect((await reception.get('/api/admin/calendar/holidays')).status).to.equal(403);
  });
});
