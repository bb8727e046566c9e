import { expect } from 'chai';
import { io, type Socket } from 'socket.io-client';
import { clock } from '../../../server/src/core/clock.js';
import { DEMO_PASSWORD } from '../../../server/src/seed/demo.js';
import type { StepEvent, TaskEvent } from '../../../server/src/realtime/task-event.schema.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { deployThreeDepartments } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const PROCEDURE = 'buoc-dang-cho';
const LARGE = { area: 400, purpose: 'Nhà ở' };
/** When the lists are asked for: Friday 4 December 2026, 10:00 in Vietnam. */
const ASKED_AT = '2026-12-04T10:00:00+07:00';
const at = (local: string) => () => new Date(`${local}+07:00`);

/**
 * The review step's budget is 3 working days from its creation (working hours 07:30–11:30 and
 * 13:00–17:00, Monday to Friday).
 */
describe('reports: the dossiers waiting at a step, and the open counts alone', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let designer: ApiClient;
  let supervisor: ApiClient;
  let districtLeader: ApiClient;
  const codes: Record<'old' | 'ward' | 'claimed', string> = { old: '', ward: '', claimed: '' };
  const realNow = clock.now;

  before(async function () {
    this.timeout(120_000);
    server = await startTestServer({ JOBS: 'false' });
    let admin: ApiClient;
    ({ reception, officer, designer, supervisor, admin } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'designer',
      'supervisor',
      'admin',
    ));
    await deployThreeDepartments(designer, PROCEDURE);
    districtLeader = await leaderOfTheDistrictOnly(admin);
    try {
      // old: received Monday 16/11 09:00 at the district, due Thu 19/11 09:00: overdue when asked
      codes.old = (await receive('2026-11-16T09:00:00')).code;
      // ward: received Thursday 03/12 09:00 at the ward's desk (agency PGV), within its budget
      codes.ward = (await receive('2026-12-03T09:00:00', 'PGV-MC')).code;
      // claimed: received Friday 04/12 08:00 at the district, claimed 09:00
      const claimed = await receive('2026-12-04T08:00:00');
      codes.claimed = claimed.code;
      clock.now = at('2026-12-04T09:00:00');
      const res = await officer.post(`/api/tasks/${claimed.intake.nextTasks[0].id}/claim`, {});
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      // and one approved at review the same week: no longer waiting there
      await (await receive('2026-11-30T08:00:00')).step(officer, 'review', 'approve');
    } finally {
      clock.now = realNow;
    }
  });

  beforeEach(() => {
    clock.now = () => new Date(ASKED_AT);
  });

  afterEach(() => {
    clock.now = realNow;
  });

  after(() => server.close());

  it('should list the dossiers open at the step, longest-waiting first, overdue and claimer given', async () => {
    // when the city's supervisor asks for the review step
    const res = await supervisor.get(`/api/reports/steps/waiting?procedure=${PROCEDURE}&element=review`);

    // then the three open reviews, the old one overdue, the last one claimed by the officer
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.total).to.equal(3);
    expect(res.body.dossiers.map((d: any) => [d.dossierCode, d.overdue, d.assignee])).to.deep.equal([
      [codes.old, true, null],
      [codes.ward, false, null],
      [codes.claimed, false, 'Trần Văn Minh'],
    ]);
    expect(res.body.dossiers[0].since).to.equal(new Date('2026-11-16T09:00:00+07:00').toISOString());
    expect(res.body.dossiers[0].dueAt).to.equal(new Date('2026-11-19T09:00:00+07:00').toISOString());
  });

  it('should count open and overdue per step without a period, as the step figures do', async () => {
    // when
    const open = await supervisor.get(`/api/reports/steps/open?procedure=${PROCEDURE}`);
    const figures = await supervisor.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-11-01&to=2026-12-31`,
    );

    // then
    expect(open.status, JSON.stringify(open.body)).to.equal(200);
    expect(open.body.steps).to.deep.equal([{ elementId: 'review', openNow: 3, overdueNow: 1 }]);
    const review = figures.body.steps.find((s: any) => s.elementId === 'review');
    expect([review.openNow, review.overdueNow]).to.deep.equal([3, 1]);
  });

  it('should keep a leader to their agencies, and refuse designers and desk staff', async () => {
    const path = `/api/reports/steps/waiting?procedure=${PROCEDURE}&element=review`;
    // when the district's leader asks, for everything and for the ward; a designer and an officer ask
    const leader = await districtLeader.get(path);
    const leaderWard = await districtLeader.get(`${path}&agency=PGV`);
    const leaderOpen = await districtLeader.get(`/api/reports/steps/open?procedure=${PROCEDURE}`);
    const refused = [await designer.get(path), await officer.get(path), await reception.get(path)];

    // then the leader sees the district's two, not the ward's (answered as an unknown agency)
    expect(leader.body.dossiers.map((d: any) => d.dossierCode)).to.deep.equal([codes.old, codes.claimed]);
    expect(leaderWard.status).to.equal(404);
    expect(leaderWard.body.error.code).to.equal('agency_not_found');
    expect(leaderOpen.body.steps).to.deep.equal([{ elementId: 'review', openNow: 2, overdueNow: 1 }]);
    expect(refused.map((r) => r.status)).to.deep.equal([403, 403, 403]);
  });

  it('should answer an unknown procedure or version as not found, and a step with none waiting as empty', async () => {
    // when
    const unknown = await supervisor.get('/api/reports/steps/waiting?procedure=khong-co&element=review');
    const version = await supervisor.get(`/api/reports/steps/open?procedure=${PROCEDURE}&version=9`);
    const empty = await supervisor.get(`/api/reports/steps/waiting?procedure=${PROCEDURE}&element=sign`);
    const missing = await supervisor.get(`/api/reports/steps/waiting?procedure=${PROCEDURE}`);

    // then
    expect([unknown.status, version.status]).to.deep.equal([404, 404]);
    expect(unknown.body.error.code).to.equal('procedure_not_found');
    expect(empty.body).to.include({ total: 0, elementId: 'sign' });
    expect(empty.body.dossiers).to.deep.equal([]);
    expect(missing.status).to.equal(422);
    expect(missing.body.error.code).to.equal('validation_failed');
  });

  it('should tell the supervisor of a step change in their agencies, and not an officer', async () => {
    // given the city's supervisor and an officer of the reviewing department listening
    const watching = await listen('giamsat');
    const inbox = await listen('chuyenvien');
    try {
      // when a dossier is received: its review opens
      clock.now = realNow;
      const first = await DossierDriver.receive(reception, PROCEDURE, LARGE);
      const task = first.intake.nextTasks[0];

      // then the supervisor hears the step open, by its element
      const heard = await watching.next<StepEvent>('step.changed');
      expect(heard).to.deep.equal({
        taskId: task.id,
        dossierId: heard.dossierId,
        elementId: 'review',
        status: 'open',
      });
      // and the officer's inbox hears the task, and then a second one with no step event between
      expect((await inbox.next<TaskEvent>('task.created')).id).to.equal(task.id);
      const second = await DossierDriver.receive(reception, PROCEDURE, LARGE);
      expect((await inbox.next<TaskEvent>('task.created')).id).to.equal(second.intake.nextTasks[0].id);
      expect(inbox.heard('step.changed')).to.equal(0);
    } finally {
      watching.socket.close();
      inbox.socket.close();
    }
  });

  /** Receives a dossier at `local` (Vietnam time) at the district desk, or at `department`. */
  async function receive(local: string, department = 'MC'): Promise<DossierDriver> {
    clock.now = at(local);
    return DossierDriver.receive(reception, PROCEDURE, LARGE, department);
  }

  /** A socket of a demo user, ready, that queues what it hears by event name. */
  async function listen(username: string) {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const socket: Socket = io(server.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie, origin: server.baseUrl },
    });
    const queues = new Map<string, unknown[]>();
    const waiters = new Map<string, (value: unknown) => void>();
    socket.onAny((event: string, payload: unknown) => {
      const waiter = waiters.get(event);
      waiters.delete(event);
      if (waiter) waiter(payload);
      else queues.set(event, [...(queues.get(event) ?? []), payload]);
    });
    await new Promise((resolve) => socket.once('ready', resolve));
    return {
      socket,
      heard: (event: string) => queues.get(event)?.length ?? 0,
      next<T>(event: string): Promise<T> {
        const queued = queues.get(event)?.shift();
        if (queued !== undefined) return Promise.resolve(queued as T);
        return new Promise((resolve) => waiters.set(event, resolve as (value: unknown) => void));
      },
    };
  }

  /** A leader of the district's leadership (LD) only: their scope is agency QBD, not the ward. */
  async function leaderOfTheDistrictOnly(admin: ApiClient): Promise<ApiClient> {
    const password = 'Lanh-dao-quan-2026!';
    const created = await admin.post('/api/admin/users', {
      username: 'lanhdao-quan',
      password,
      fullName: 'Lãnh đạo quận',
      roles: ['leader'],
      departments: ['LD'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const client = new ApiClient(server.baseUrl);
    expect((await client.post('/api/auth/login', { username: 'lanhdao-quan', password })).status).to.equal(
      200,
    );
    return client;
  }
});
