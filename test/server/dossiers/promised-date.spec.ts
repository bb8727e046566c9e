import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, intakeBody, readFixture } from '../../support/fixtures.js';
import { addWorkingTime } from '../../../server/src/calendar/working-time.js';

describe('promised return date', () => {
  let server: TestServer;
  let designer: ApiClient;
  let reception: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ designer, reception } = await signIn(server.baseUrl, 'designer', 'reception'));
  });

  after(() => server.close());

  it('should count a duration in working hours from receipt, with the procedure cut-off', async () => {
    // given a procedure of 2 working hours with a 15:00 cut-off
    const deployed = await designer.post('/api/procedures', {
      code: 'trong-ngay',
      name: 'Thủ tục giải quyết trong ngày',
      duration: 2,
      durationUnit: 'hours',
      cutoff: '15:00',
      formSchema: PERMIT_FORM,
      // every step budget must fit the 2 hours
      bpmn: edited(readFixture('engine/three-departments.bpmn'), ['mc:budget="3d"', 'mc:budget="1h"']),
    });
    expect(deployed.status).to.equal(201);
    expect(deployed.body).to.include({ duration: 2, durationUnit: 'hours', cutoff: '15:00' });

    // when a dossier is received
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('trong-ngay', { area: 80, purpose: 'Nhà ở' }),
    );

    // then its promised date is 2 working hours after receipt, counted from the next day after 15:00
    expect(intake.status).to.equal(201);
    const expected = addWorkingTime(new Date(intake.body.receivedAt), 2, 'hours', undefined, {
      cutoff: '15:00',
    });
    expect(intake.body.dueAt).to.equal(expected.toISOString());
  });

  it('should default to working days without a cut-off, and keep them in new versions', async () => {
    // given a procedure deployed with a duration only
    const bpmn = readFixture('engine/three-departments.bpmn');
    await designer.post('/api/procedures', {
      code: 'ngay-lam-viec',
      name: 'Năm ngày',
      duration: 5,
      formSchema: PERMIT_FORM,
      bpmn,
    });

    // when a second version changes only the diagram
    const v2 = await designer.post('/api/procedures/ngay-lam-viec/versions', { bpmn });
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ngay-lam-viec', { area: 80, purpose: 'Nhà ở' }),
    );

    // then
    expect(v2.body).to.include({ currentVersion: 2, duration: 5, durationUnit: 'days', cutoff: null });
    expect(intake.body.dueAt).to.equal(
      addWorkingTime(new Date(intake.body.receivedAt), 5, 'days').toISOString(),
    );
  });

  it('should refuse a cut-off that is not HH:mm', async () => {
    const res = await designer.post('/api/procedures', {
      code: 'gio-sai',
      name: 'Giờ chốt sai',
      duration: 1,
      cutoff: '3pm',
      formSchema: PERMIT_FORM,
      bpmn: readFixture('engine/three-departments.bpmn'),
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: any) => d.path)).to.include('/cutoff');
  });
});
