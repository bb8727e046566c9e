import { expect } from 'chai';
import pg from 'pg';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, intakeBody } from '../../support/fixtures.js';
import { HANDOVER_IN_PERSON } from '../../support/dossier-driver.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadlines: promised dates, supplement pauses, apologies, control slip', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  const at = (local: string) => (clock.now = () => vn(local));

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  async function taskOf(client: ApiClient, code: string) {
    const inbox = await client.get('/api/tasks?pageSize=200');
    return inbox.body.items.find((t: any) => t.dossier.code === code);
  }

  it('should promise the date in working days and give each step its budget', async () => {
    // given Tuesday 24/11/2026 09:00, a 5-working-day procedure whose review step has 3 days
    at('2026-11-24T09:00:00');
    // when
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    // then
    expect(intake.body.dueAt).to.equal(vn('2026-12-01T09:00:00').toISOString());
    expect((await taskOf(officer, intake.body.code)).dueAt).to.equal(vn('2026-11-27T09:00:00').toISOString());
  });

  it('should push the promised date by exactly the paused working time', async () => {
    // given a dossier due Tuesday 1/12 09:00
    at('2026-11-24T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );

    // when a supplement is requested Wednesday 10:00 and arrives Thursday 14:00 (10h30 of working time)
    at('2026-11-25T10:00:00');
    const paused = await officer.post(`/api/dossiers/${dossier.code}/supplement-request`, {
      reasons: ['Thiếu bản vẽ thiết kế'],
      items: ['Bản vẽ mặt bằng công trình'],
    });
    const task = await taskOf(officer, dossier.code);
    const blocked = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });
    at('2026-11-26T14:00:00');
    const resumed = await reception.post(`/api/dossiers/${dossier.code}/supplement`, {});

    // then the clock stopped (status 5), work waited, and both deadlines moved by 10h30
    expect(paused.body.status).to.equal(5);
    expect(blocked.status).to.equal(409);
    expect(blocked.body.error.code).to.equal('dossier_awaiting_supplement');
    expect(resumed.body.status).to.equal(2);
    expect(resumed.body.dueAt).to.equal(vn('2026-12-02T11:30:00').toISOString());
    expect(resumed.body.originalDueAt).to.equal(vn('2026-12-01T09:00:00').toISOString());
    expect((await taskOf(officer, dossier.code)).dueAt).to.equal(vn('2026-11-30T11:30:00').toISOString());
    const slip = await reception.get(`/api/dossiers/${dossier.code}/control-slip`);
    expect(slip.body.pauses).to.deep.equal([
      {
        startedAt: vn('2026-11-25T10:00:00').toISOString(),
        endedAt: vn('2026-11-26T14:00:00').toISOString(),
        pausedMinutes: 630,
        reasons: ['Thiếu bản vẽ thiết kế'],
      },
    ]);
  });

  it('should refuse a second supplement request and a supplement nobody asked for', async () => {
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    const early = await reception.post(`/api/dossiers/${dossier.code}/supplement`, {});
    await reception.post(`/api/dossiers/${dossier.code}/supplement-request`, {
      reasons: ['Thiếu'],
      items: [],
    });
    const twice = await reception.post(`/api/dossiers/${dossier.code}/supplement-request`, {
      reasons: ['Thiếu'],
      items: [],
    });
    expect(early.status).to.equal(409);
    expect(twice.status).to.equal(409);
  });

  it('should classify a step on time and a dossier returned after its promised date late', async () => {
    // given a dossier received Tuesday 09:00 (due Tue 1/12 09:00; review due Fri 27/11 09:00)
    at('2026-11-24T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );

    // when review finishes Friday 08:00 (on the due date: on time), the leader signs Monday 30/11
    at('2026-11-27T08:00:00');
    await officer.post(`/api/tasks/${(await taskOf(officer, dossier.code)).id}/complete`, {
      outcome: 'approve',
    });
    at('2026-11-30T10:00:00');
    await leader.post(`/api/tasks/${(await taskOf(leader, dossier.code)).id}/complete`, { outcome: 'sign' });
    // and the result is returned Wednesday 2/12, after the promised Tuesday 09:00
    at('2026-12-02T08:00:00');
    await reception.post(`/api/tasks/${(await taskOf(reception, dossier.code)).id}/complete`, {
      handover: HANDOVER_IN_PERSON,
    });

    // then
    const slip = await reception.get(`/api/dossiers/${dossier.code}/control-slip`);
    expect(slip.body.result).to.equal('late');
    const review = slip.body.steps[0];
    expect(review).to.deep.include({
      stepId: 'review',
      result: 'on_time',
      usedMinutes: 23 * 60,
      sender: 'Trần Văn Minh',
    });
    expect(review.budget).to.deep.equal({ amount: 3, unit: 'days' });
    expect(review.toDepartments).to.deep.equal(['LD']);
    expect(slip.body.steps.map((s: any) => s.stepId)).to.deep.equal(['review', 'sign', 'return_result']);
  });

  it('should record an apology with a new date and keep the original for reporting', async () => {
    // given
    at('2026-11-24T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    // when
    const tooEarly = await reception.post(`/api/dossiers/${dossier.code}/extend`, {
      newDueAt: vn('2026-11-30T09:00:00').toISOString(),
      reason: 'Cần xác minh thực địa',
    });
    const extended = await reception.post(`/api/dossiers/${dossier.code}/extend`, {
      newDueAt: vn('2026-12-04T16:00:00').toISOString(),
      reason: 'Cần xác minh thực địa',
    });
    // then
    expect(tooEarly.status).to.equal(422);
    expect(extended.body.dueAt).to.equal(vn('2026-12-04T16:00:00').toISOString());
    expect(extended.body.originalDueAt).to.equal(vn('2026-12-01T09:00:00').toISOString());
    const slip = await reception.get(`/api/dossiers/${dossier.code}/control-slip`);
    expect(slip.body.extensions[0]).to.deep.include({
      reason: 'Cần xác minh thực địa',
      by: 'Nguyễn Thị Lan',
    });
  });

  it('should refuse an apology date that is not a working time, or beyond the legal duration again', async () => {
    // given a 5-working-day dossier due Tuesday 1/12/2026 09:00
    at('2026-11-24T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    const extend = (local: string) =>
      reception.post(`/api/dossiers/${dossier.code}/extend`, {
        newDueAt: vn(local).toISOString(),
        reason: 'Cần xác minh thực địa',
      });

    // when the new date is before the current one, a Saturday, a lunch break, after closing time,
    // the end of time, or just past five more working days
    const problemsOf = async (local: string) => {
      const answer = await extend(local);
      expect(answer.status, local).to.equal(422);
      expect(answer.body.error.code).to.equal('validation_failed');
      const details = answer.body.error.details;
      for (const p of details.filter((p: any) => p.keyword === 'notWorkingTime'))
        expect(p.message).to.contain(p.params.nextWorkingAt);
      return details.map((p: any) => ({ path: p.path, keyword: p.keyword, params: p.params }));
    };
    const bound = { latest: vn('2026-12-08T09:00:00').toISOString(), days: 5 };
    const next = (local: string) => ({ nextWorkingAt: vn(local).toISOString() });
    const refusals = {
      before: await problemsOf('2026-11-30T09:00:00'),
      saturday: await problemsOf('2026-12-05T09:00:00'),
      lunch: await problemsOf('2026-12-02T12:00:00'),
      evening: await problemsOf('2026-12-03T17:01:00'),
      endOfTime: await problemsOf('9999-12-31T09:00:00'),
      tooLate: await problemsOf('2026-12-08T09:30:00'),
    };
    // and when it is the last instant allowed: five working days after the current date
    const lastAllowed = await extend('2026-12-08T09:00:00');

    // then each refusal names /newDueAt and every rule it breaks; outside working time, with the
    // working moment nearest after it (Monday morning, the afternoon, the next morning)
    const problem = (keyword: string, params: object) => ({ path: '/newDueAt', keyword, params });
    expect(refusals.before).to.deep.equal([
      problem('notAfterDueAt', { dueAt: vn('2026-12-01T09:00:00').toISOString() }),
    ]);
    expect(refusals.saturday).to.deep.equal([problem('notWorkingTime', next('2026-12-07T07:30:00'))]);
    expect(refusals.lunch).to.deep.equal([problem('notWorkingTime', next('2026-12-02T13:00:00'))]);
    expect(refusals.evening).to.deep.equal([problem('notWorkingTime', next('2026-12-04T07:30:00'))]);
    expect(refusals.endOfTime).to.deep.include(problem('beyondLegalDuration', bound));
    expect(refusals.tooLate).to.deep.equal([problem('beyondLegalDuration', bound)]);
    expect(lastAllowed.status).to.equal(200);
    expect(lastAllowed.body.dueAt).to.equal(vn('2026-12-08T09:00:00').toISOString());
  });

  it('should name the compensatory working day as the nearest working moment after a Saturday', async () => {
    // given a dossier due Thursday 10/12/2026 09:00, and Saturday 12/12 made a working day by the admin
    at('2026-12-03T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const workday = await admin.post('/api/admin/calendar/workdays', { date: '2026-12-12', name: 'Làm bù' });
    expect(workday.status).to.equal(201);
    const extend = (local: string) =>
      reception.post(`/api/dossiers/${dossier.code}/extend`, {
        newDueAt: vn(local).toISOString(),
        reason: 'Cần xác minh thực địa',
      });

    // when the new date is the evening of Friday 11/12, then Sunday 13/12
    const friday = await extend('2026-12-11T18:00:00');
    const sunday = await extend('2026-12-13T09:00:00');
    // and when it is the compensatory Saturday itself
    const saturday = await extend('2026-12-12T09:00:00');

    // then the evening points at the working Saturday morning, Sunday at Monday; the Saturday is taken
    expect(friday.body.error.details[0].params).to.deep.equal({
      nextWorkingAt: vn('2026-12-12T07:30:00').toISOString(),
    });
    expect(sunday.body.error.details[0].params).to.deep.equal({
      nextWorkingAt: vn('2026-12-14T07:30:00').toISOString(),
    });
    expect(saturday.status).to.equal(200);
  });

  it('should count the apology bound in the agency calendar, skipping its holidays', async () => {
    // given a dossier due Tuesday 29/12/2026 09:00 (received 22/12), and 1/1/2027 a public holiday
    at('2026-12-22T09:00:00');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    expect(dossier.dueAt).to.equal(vn('2026-12-29T09:00:00').toISOString());

    // when the apology moves it to the holiday, then to five working days later (Wednesday 6/1 09:00)
    const onHoliday = await reception.post(`/api/dossiers/${dossier.code}/extend`, {
      newDueAt: vn('2027-01-01T09:00:00').toISOString(),
      reason: 'Cần xác minh thực địa',
    });
    const afterHoliday = await reception.post(`/api/dossiers/${dossier.code}/extend`, {
      newDueAt: vn('2027-01-06T09:00:00').toISOString(),
      reason: 'Cần xác minh thực địa',
    });

    // then
    expect(onHoliday.status).to.equal(422);
    expect(afterHoliday.status).to.equal(200);
  });

  it('should queue Vietnamese notices for the citizen on the channels given at intake', async () => {
    // given a citizen who asked for SMS
    const body = { ...intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }), notifyChannels: ['sms'] };
    const { body: dossier } = await reception.post('/api/dossiers', body);
    // when a supplement is requested
    await officer.post(`/api/dossiers/${dossier.code}/supplement-request`, {
      reasons: ['Thiếu bản vẽ'],
      items: [],
    });
    // then both notices wait in the outbox, addressed to the applicant's phone
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const rows = (
      await db.query(
        'select kind, channel, recipient, body from notifications where dossier_id = $1 order by created_at',
        [dossier.id],
      )
    ).rows;
    await db.end();
    expect(rows.map((r) => [r.kind, r.channel, r.recipient])).to.deep.equal([
      ['received', 'sms', '0912345678'],
      ['supplement_requested', 'sms', '0912345678'],
    ]);
    expect(rows[0].body).to.contain(dossier.code).and.to.contain('Ngày hẹn trả kết quả');
    expect(rows[0].body).to.contain(`secret=${dossier.lookupSecret}`);
  });

  it('should answer 422 when SMS is asked for without a phone', async () => {
    const body = intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' });
    const res = await reception.post('/api/dossiers', {
      ...body,
      applicant: { fullName: 'A', idNumber: '001099012345' },
      notifyChannels: ['sms'],
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].path).to.equal('/applicant/phone');
  });
});

describe('timeliness', () => {
  it('should call a result early on an earlier day, on time on the due day, late after the due instant', async () => {
    const { classify } = await import('../../../server/src/deadlines/timeliness.js');
    const due = vn('2026-12-01T09:00:00');
    expect(classify(vn('2026-11-30T16:00:00'), due)).to.equal('early');
    expect(classify(vn('2026-12-01T08:59:00'), due)).to.equal('on_time');
    expect(classify(vn('2026-12-01T09:01:00'), due)).to.equal('late');
  });
});
