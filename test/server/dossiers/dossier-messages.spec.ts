import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { DossierDriver } from '../../support/dossier-driver.js';

const PROCEDURE = 'cap-gcn-quyen-su-dung-dat-lan-dau';
const TAX_NOTICE = 'thong-bao-nghia-vu-tai-chinh';
/** What the tax office's notice carries: both fields its catch event requires. */
const NOTICE = { name: TAX_NOTICE, data: { taxNoticeNumber: 'TB-4521', taxAmount: 12_500_000 } };
const PARCEL = {
  parcelAddress: 'Tổ 5, phường Giảng Võ, Hà Nội',
  parcelNumber: '44',
  mapSheetNumber: '3',
  parcelArea: 72,
  landUsePurpose: 'Đất ở tại đô thị',
  landOrigin: 'Sử dụng ổn định trước năm 1993',
};

describe('POST /api/dossiers/:code/messages', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let tax: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, tax } = await signIn(server.baseUrl, 'reception', 'officer', 'tax'));
  });

  after(() => server.close());

  /** A land dossier sent to the tax office, waiting for its notice. */
  async function waitingForTax(): Promise<DossierDriver> {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, PARCEL);
    await dossier.step(officer, 'Task_verify', 'eligible');
    await dossier.step(officer, 'Task_send_tax', undefined, { cadastralExtractNumber: 'TĐ-01' });
    return dossier;
  }

  it('should answer 409 when the dossier does not wait for the message yet (404 to the tax office, which it has not reached), and change nothing', async () => {
    // given a dossier still under verification
    const dossier = await DossierDriver.receive(reception, PROCEDURE, PARCEL);
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    // when the notice arrives early, keyed in by the tax office and by an admin
    const early = { name: TAX_NOTICE, data: { taxNoticeNumber: 'TB-1', taxAmount: 1_000_000 } };
    const byTax = await tax.post(`/api/dossiers/${dossier.code}/messages`, early);
    const byAdmin = await admin.post(`/api/dossiers/${dossier.code}/messages`, early);
    // then the tax office, another agency, cannot see a dossier not yet sent to it; the admin is told it does not wait
    expect(byTax.status).to.equal(404);
    expect(byTax.body.error.code).to.equal('dossier_not_found');
    expect(byAdmin.status).to.equal(409);
    expect(byAdmin.body.error.code).to.equal('no_waiting_message');
    const detail = await dossier.detail();
    expect(detail.openTasks.map((t: any) => t.elementId)).to.deep.equal(['Task_verify']);
    expect(detail.data).not.to.have.property('taxNoticeNumber');
    expect(detail.events.map((e: any) => e.type)).to.deep.equal(['received']);
  });

  it('should answer 409 for a message the procedure never waits for, and once the notice was delivered', async () => {
    // given
    const dossier = await waitingForTax();
    // when
    const unknown = await tax.post(`/api/dossiers/${dossier.code}/messages`, { name: 'thong-bao-khac' });
    const first = await tax.post(`/api/dossiers/${dossier.code}/messages`, NOTICE);
    const second = await tax.post(`/api/dossiers/${dossier.code}/messages`, NOTICE);
    // then
    expect([unknown.status, first.status, second.status]).to.deep.equal([409, 200, 409]);
  });

  it('should let only the tax office (or an admin) deliver the tax notice', async () => {
    // given
    const dossier = await waitingForTax();
    // when an officer of the land office, then the receptionist try
    const otherDepartment = await officer.post(`/api/dossiers/${dossier.code}/messages`, {
      name: TAX_NOTICE,
    });
    const receptionist = await reception.post(`/api/dossiers/${dossier.code}/messages`, { name: TAX_NOTICE });
    const admin = await (
      await ApiClient.as(server.baseUrl, 'admin')
    ).post(`/api/dossiers/${dossier.code}/messages`, NOTICE);
    // then
    expect(otherDepartment.status).to.equal(403);
    expect(receptionist.status).to.equal(403);
    expect(admin.status).to.equal(200);
  });

  it('should validate the message data against the form and answer 404 for an unknown dossier', async () => {
    const dossier = await waitingForTax();
    const incomplete = await tax.post(`/api/dossiers/${dossier.code}/messages`, { name: TAX_NOTICE });
    const bad = await tax.post(`/api/dossiers/${dossier.code}/messages`, {
      name: TAX_NOTICE,
      data: { taxNoticeNumber: 'TB-1', taxAmount: 'nhiều' },
    });
    const missing = await tax.post('/api/dossiers/QBD-000000-0000/messages', { name: TAX_NOTICE });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.details[0].path).to.equal('/data/taxAmount');
    // (a notice without the amount its catch event requires is refused, naming both fields)
    expect(incomplete.status).to.equal(422);
    expect(incomplete.body.error.details.map((d: any) => d.path)).to.have.members([
      '/data/taxNoticeNumber',
      '/data/taxAmount',
    ]);
    expect(missing.status).to.equal(404);
    expect((await dossier.detail()).status).to.equal(6);
  });

  it('should deliver exactly once when two notices race', async () => {
    // given
    const dossier = await waitingForTax();
    // when
    const results = await Promise.all(
      [1, 2].map(() => tax.post(`/api/dossiers/${dossier.code}/messages`, NOTICE)),
    );
    // then
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    const detail = await dossier.detail();
    expect(detail.events.filter((e: any) => e.type === 'message_received')).to.have.length(1);
    expect(detail.openTasks.map((t: any) => t.elementId)).to.deep.equal(['Task_payment']);
  });
});
