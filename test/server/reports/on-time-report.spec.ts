import { expect } from 'chai';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { deployThreeDepartments } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** The month the report is asked for, and a Tuesday morning in it (Vietnam time, UTC+7) to receive on. */
const MONTH = '2026-11';
const RECEIVED_AT = new Date('2026-11-24T09:00:00+07:00');

describe('reports: on-time summary of a unit for a month', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let supervisor: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, supervisor, leader } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'supervisor',
      'leader',
    ));
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  it('should count dossiers received in the month, the one resolved early and the ones in progress', async () => {
    // given three dossiers received at the district desk on 24/11, one of them refused at review
    clock.now = () => RECEIVED_AT;
    await DossierDriver.receive(reception, 'ba-phong', { area: 120, purpose: 'Nhà ở' }, 'MC');
    await DossierDriver.receive(reception, 'ba-phong', { area: 90, purpose: 'Nhà ở' }, 'MC');
    const refused = await DossierDriver.receive(reception, 'ba-phong', { area: 400, purpose: 'Nhà ở' }, 'MC');
    await refused.step(officer, 'review', 'approve');

    // when the supervisor asks for the desk's summary of that month, the same day
    const res = await supervisor.get(`/api/reports/on-time?department=MC&month=${MONTH}`);

    // then the refusal counts as resolved early (finished days before its due date), the rest as within the deadline
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.received).to.deep.equal({ total: 3, online: 0, inPerson: 3, carriedOver: 0 });
    expect(res.body.resolved).to.deep.equal({ total: 1, early: 1, onTime: 0, late: 0 });
    expect(res.body.inProgress).to.deep.equal({ total: 2, withinDeadline: 2, overdue: 0 });
  });

  it('should let a leader read the units of their own agency only', async () => {
    // given the district leader (UBND quận Ba Đình) and the tax office, another agency
    // when they ask for the district desk and for the tax office
    const own = await leader.get(`/api/reports/on-time?department=MC&month=${MONTH}`);
    const other = await leader.get(`/api/reports/on-time?department=CCT&month=${MONTH}`);

    // then the first is answered; the second is outside the leader's scope, so it answers as an unknown unit
    expect(own.status).to.equal(200);
    expect(other.status).to.equal(404);
    expect(other.body.error.code).to.equal('department_not_found');
  });

  it('should answer 422 for a malformed month, 404 for an unknown unit, 403 for an officer', async () => {
    const badMonth = await supervisor.get('/api/reports/on-time?department=MC&month=2026-13');
    const unknown = await supervisor.get('/api/reports/on-time?department=NOPE&month=2026-01');
    const officerAsks = await officer.get('/api/reports/on-time?department=MC&month=2026-01');

    expect(badMonth.status).to.equal(422);
    expect(badMonth.body.error.details[0].path).to.equal('/month');
    expect(unknown.status).to.equal(404);
    expect(officerAsks.status).to.equal(403);
  });
});
