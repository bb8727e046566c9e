import { expect } from 'chai';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

/**
 * The actions a dossier's detail lists and the routes of those actions agree, for every state a
 * dossier goes through and every staff role: a listed action works, any other is refused (403 by
 * role, 409 `action_not_allowed` by state) and changes nothing. The table below is what the rule
 * must say, written out, so that the detail and the routes agreeing on something wrong fails too.
 */

const vn = (local: string) => new Date(`${local}+07:00`);
const PROCEDURE = 'dang-ky-ho-kinh-doanh';
// Received Tuesday 24/11/2026 09:00, due Friday 27/11 09:00 (3 working days): Monday 30/11 09:00 is a valid new date.
const RECEIVED_AT = '2026-11-24T09:00:00';
const NEW_DUE_AT = vn('2026-11-30T09:00:00').toISOString();

type State = 'received' | 'processing' | 'paused' | 'resolved' | 'returned' | 'refused';
type Role = 'receptionist' | 'officer' | 'leader' | 'supervisor' | 'admin';
type Action =
  'reprint_receipt' | 'reissue_lookup_secret' | 'request_supplement' | 'receive_supplement' | 'extend';

const STATUS: Record<State, number> = {
  received: 2,
  processing: 4,
  paused: 5,
  resolved: 9,
  returned: 10,
  refused: 3,
};
const NONE = { receptionist: [], officer: [], leader: [], supervisor: [], admin: [] };
const WORKED_ON = {
  ...NONE,
  receptionist: ['reprint_receipt', 'reissue_lookup_secret', 'request_supplement', 'extend'],
  officer: ['request_supplement'],
  leader: ['request_supplement', 'extend'],
} satisfies Record<Role, Action[]>;
const EXPECTED: Record<State, Record<Role, Action[]>> = {
  received: WORKED_ON,
  processing: WORKED_ON,
  paused: {
    ...NONE,
    receptionist: ['reprint_receipt', 'reissue_lookup_secret', 'receive_supplement', 'extend'],
    leader: ['extend'],
  },
  resolved: { ...NONE, receptionist: ['reprint_receipt', 'reissue_lookup_secret'] },
  returned: NONE,
  refused: NONE,
};
const ACTIONS: Action[] = [
  'reprint_receipt',
  'reissue_lookup_secret',
  'request_supplement',
  'receive_supplement',
  'extend',
];
const SUPPLEMENT = { reasons: ['Thiếu bản sao giấy tờ'], items: ['Bản sao căn cước công dân'] };

describe('dossier actions: the detail lists what the routes allow', () => {
  let server: TestServer;
  let clients: Record<Role, ApiClient>;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    const { reception, officer, leader, supervisor, admin } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'leader',
      'supervisor',
      'admin',
    );
    clients = { receptionist: reception, officer, leader, supervisor, admin };
  });

  after(() => server.close());

  /** A new dossier driven through the API to `state`. */
  async function dossierIn(state: State): Promise<string> {
    const dossier = await DossierDriver.receive(clients.receptionist, PROCEDURE, HOUSEHOLD_BUSINESS);
    if (state === 'paused') {
      const paused = await clients.receptionist.post(
        `/api/dossiers/${dossier.code}/supplement-request`,
        SUPPLEMENT,
      );
      expect(paused.status, JSON.stringify(paused.body)).to.equal(200);
    }
    if (state === 'refused')
      await dossier.step(
        clients.officer,
        'Task_review',
        'refuse',
        {
          reviewNote: 'Ngành nghề không được phép',
        },
        'Hồ sơ không đủ điều kiện theo quy định',
      );
    if (state === 'processing' || state === 'resolved' || state === 'returned')
      await dossier.step(clients.officer, 'Task_review', 'approve');
    if (state === 'resolved' || state === 'returned')
      await dossier.step(clients.leader, 'Task_sign', 'sign', { certificateNumber: 'HKD-01' });
    if (state === 'returned') await dossier.returnResult(clients.receptionist);
    return dossier.code;
  }

  function take(client: ApiClient, code: string, action: Action) {
    const path = `/api/dossiers/${code}`;
    switch (action) {
      case 'reprint_receipt':
        return client.post(`${path}/receipt`);
      case 'reissue_lookup_secret':
        return client.post(`${path}/lookup-secret`);
      case 'request_supplement':
        return client.post(`${path}/supplement-request`, SUPPLEMENT);
      case 'receive_supplement':
        return client.post(`${path}/supplement`, {});
      case 'extend':
        return client.post(`${path}/extend`, { newDueAt: NEW_DUE_AT, reason: 'Chờ xác minh thông tin' });
    }
  }

  for (const state of Object.keys(EXPECTED) as State[]) {
    it(`should agree on a ${state} dossier for every role: listed actions work, the others are refused`, async function () {
      this.timeout(120_000);
      clock.now = () => vn(RECEIVED_AT);
      // given a dossier in that state
      const code = await dossierIn(state);
      const before = await clients.admin.get(`/api/dossiers/${code}`);
      expect(before.body.status).to.equal(STATUS[state]);
      const wrong: string[] = [];
      for (const role of Object.keys(clients) as Role[]) {
        // when the role opens it
        const listed: Action[] = (await clients[role].get(`/api/dossiers/${code}`)).body.actions;
        // then it lists what the rule says
        expect(listed, `${state} as ${role}`).to.deep.equal(EXPECTED[state][role]);
        for (const action of ACTIONS) {
          // when the role takes the action (a listed one on a dossier of its own, since it changes it)
          const target = listed.includes(action) ? await dossierIn(state) : code;
          const res = await take(clients[role], target, action);
          // then a listed action works and any other is refused, by role or by state
          const expected = listed.includes(action) ? '200' : refusalOf(role, action);
          const got = res.status === 200 ? '200' : `${res.status} ${res.body.error?.code}`;
          if (got !== expected)
            wrong.push(`${state} as ${role}, ${action}: expected ${expected}, got ${got}`);
        }
      }
      expect(wrong, wrong.join('\n')).to.deep.equal([]);
      // and the refused attempts changed nothing on the dossier
      const after = await clients.admin.get(`/api/dossiers/${code}`);
      expect(after.body).to.deep.equal(before.body);
    });
  }

  it('should list on the receipt the same actions as on the detail', async () => {
    // given a dossier under review
    const code = await dossierIn('received');
    for (const role of ['receptionist', 'supervisor', 'admin'] as const) {
      // when
      const receipt = await clients[role].get(`/api/dossiers/${code}/receipt`);
      const detail = await clients[role].get(`/api/dossiers/${code}`);
      // then
      expect(receipt.body.actions, role).to.deep.equal(detail.body.actions);
    }
  });
});

/** The roles each action's route lets through; the rest of the refusals are by the dossier's state. */
const ROUTE_ROLES: Record<Action, Role[]> = {
  reprint_receipt: ['receptionist'],
  reissue_lookup_secret: ['receptionist'],
  request_supplement: ['receptionist', 'officer', 'leader'],
  receive_supplement: ['receptionist'],
  extend: ['receptionist', 'leader'],
};

function refusalOf(role: Role, action: Action): string {
  return ROUTE_ROLES[action].includes(role) ? '409 action_not_allowed' : '403 forbidden';
}
