import { expect } from 'chai';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { DEMO_USERS } from '../../../server/src/seed/demo.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => (clock.now = () => vn(local));

const PERMIT = 'cap-giay-phep-xay-dung';
const APPLICANT = {
  fullName: 'Phạm Thị Hoa',
  idNumber: '079188004321',
  phone: '0987654321',
  email: 'hoa.pham@example.vn',
  address: '27 Ngõ Huế, Hai Bà Trưng, Hà Nội',
};
const BUILDING = {
  constructionAddress: 'Số 8 ngõ 12 Đội Cấn, Ba Đình',
  parcelNumber: '118',
  mapSheetNumber: '21',
  landCertificateNumber: 'CS 04512',
  constructionArea: 60,
  totalFloorArea: 240,
  floors: 4,
  height: 14.5,
};
const INTERNAL_NOTE = 'Ghi chú nội bộ: đã gọi điện cho chủ nhà';

describe('GET /api/public/lookup: the citizen follows the dossier', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let tax: ApiClient;
  let anonymous: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader, tax } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'leader',
      'tax',
    ));
    anonymous = new ApiClient(server.baseUrl);
  });

  after(() => server.close());

  /** Receives a building permit for APPLICANT; answers the intake. */
  async function receivePermit() {
    const res = await reception.post('/api/dossiers', {
      procedureCode: PERMIT,
      applicant: APPLICANT,
      data: BUILDING,
      channel: 'in_person',
      notifyChannels: ['sms', 'email'],
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { code: string; lookupSecret: string; dueAt: string };
  }

  /** Completes the dossier's only open step, which must be `elementId`, as `client`. */
  async function complete(client: ApiClient, code: string, elementId: string, body: object = {}) {
    const inbox = await client.get('/api/tasks?scope=department&pageSize=200');
    const mine = inbox.body.items.filter((t: any) => t.dossier.code === code);
    expect(mine.map((t: any) => t.elementId)).to.deep.equal([elementId]);
    const res = await client.post(`/api/tasks/${mine[0].id}/complete`, body);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  }

  const lookup = (code: string, secret: string) =>
    anonymous.get(`/api/public/lookup?code=${code}&secret=${secret}`);

  it('should show every step, the supplement asked for and both promised dates, and no personal data', async () => {
    // given a permit received Tuesday 24/11/2026 09:00, assigned, paused for a supplement, extended
    at('2026-11-24T09:00:00');
    const intake = await receivePermit();
    at('2026-11-24T10:00:00');
    await complete(officer, intake.code, 'Task_assign', { data: { handlingOfficer: 'Trần Văn Minh' } });
    at('2026-11-25T10:00:00');
    const paused = await officer.post(`/api/dossiers/${intake.code}/supplement-request`, {
      reasons: ['Thiếu bản vẽ mặt bằng tầng 1'],
      items: ['Bản vẽ mặt bằng tầng 1, tỷ lệ 1/100'],
    });
    expect(paused.status).to.equal(200);
    at('2026-11-26T14:00:00');
    const resumed = await reception.post(`/api/dossiers/${intake.code}/supplement`, {
      note: 'Công dân nộp bổ sung tại quầy',
    });
    at('2026-11-26T15:00:00');
    const newDueAt = new Date(new Date(resumed.body.dueAt).getTime() + 7 * 86_400_000).toISOString();
    const extended = await reception.post(`/api/dossiers/${intake.code}/extend`, {
      newDueAt,
      reason: 'Cần lấy ý kiến cơ quan quản lý di tích',
    });
    expect(extended.status, JSON.stringify(extended.body)).to.equal(200);
    at('2026-11-27T09:00:00');
    await complete(officer, intake.code, 'Task_inspect', {
      outcome: 'approve',
      data: { inspectionNote: INTERNAL_NOTE },
    });
    at('2026-11-30T09:00:00');
    await complete(officer, intake.code, 'Task_draft', { data: { permitNumber: 'GP-118/2026' } });
    at('2026-12-01T09:00:00');
    await complete(leader, intake.code, 'Task_sign', {
      outcome: 'sign',
      data: { leaderNote: INTERNAL_NOTE },
    });

    // when the citizen looks it up
    const found = await lookup(intake.code, intake.lookupSecret);

    // then the steps come from the procedure, with their times and national status
    expect(found.status).to.equal(200);
    const steps = found.body.steps.map((s: any) => [s.name, s.departments, s.startedAt, s.endedAt, s.status]);
    expect(steps).to.deep.equal([
      [
        'Phân công thụ lý hồ sơ',
        ['Phòng Quản lý đô thị'],
        vn('2026-11-24T09:00:00').toISOString(),
        vn('2026-11-24T10:00:00').toISOString(),
        2,
      ],
      [
        'Kiểm tra hiện trạng, thẩm định hồ sơ',
        ['Phòng Quản lý đô thị'],
        vn('2026-11-24T10:00:00').toISOString(),
        vn('2026-11-27T09:00:00').toISOString(),
        4,
      ],
      [
        'Dự thảo giấy phép xây dựng',
        ['Phòng Quản lý đô thị'],
        vn('2026-11-27T09:00:00').toISOString(),
        vn('2026-11-30T09:00:00').toISOString(),
        4,
      ],
      [
        'Ký giấy phép xây dựng',
        ['Lãnh đạo UBND'],
        vn('2026-11-30T09:00:00').toISOString(),
        vn('2026-12-01T09:00:00').toISOString(),
        4,
      ],
      [
        'Trả giấy phép xây dựng',
        ['Bộ phận Tiếp nhận và Trả kết quả'],
        vn('2026-12-01T09:00:00').toISOString(),
        null,
        9,
      ],
    ]);
    expect(found.body.steps[4].statusText).to.equal('Đã có kết quả, chờ trả');
    // and the supplement's reason, and the first promised date beside the one the apology gave
    expect(found.body.supplements).to.deep.equal([
      {
        requestedAt: vn('2026-11-25T10:00:00').toISOString(),
        receivedAt: vn('2026-11-26T14:00:00').toISOString(),
        reasons: ['Thiếu bản vẽ mặt bằng tầng 1'],
        items: ['Bản vẽ mặt bằng tầng 1, tỷ lệ 1/100'],
      },
    ]);
    expect(found.body.originalDueAt).to.equal(intake.dueAt);
    expect(found.body.dueAt).to.equal(newDueAt);
    expect(found.body.extensions).to.deep.equal([
      {
        at: vn('2026-11-26T15:00:00').toISOString(),
        previousDueAt: resumed.body.dueAt,
        newDueAt,
        reason: 'Cần lấy ý kiến cơ quan quản lý di tích',
      },
    ]);
    expect(found.body.refusal).to.equal(null);
    // and nothing about the applicant, the officers, or what they wrote for each other
    const text = JSON.stringify(found.body);
    const staff = DEMO_USERS.filter((u) => ['tiepnhan', 'chuyenvien', 'lanhdao'].includes(u.username));
    for (const secret of [
      ...Object.values(APPLICANT),
      ...staff.flatMap((u) => [u.username, u.fullName]),
      INTERNAL_NOTE,
      'Công dân nộp bổ sung tại quầy',
      'GP-118/2026',
    ])
      expect(text, secret).not.to.contain(secret);
  });

  it('should give the reason the deciding step gave as the reason of a refusal', async () => {
    // given a permit the inspection finds ineligible, with the reason for the citizen
    const intake = await receivePermit();
    await complete(officer, intake.code, 'Task_assign', { data: { handlingOfficer: 'Trần Văn Minh' } });
    await complete(officer, intake.code, 'Task_inspect', {
      outcome: 'refuse',
      data: { inspectionNote: INTERNAL_NOTE },
      reason: 'Công trình vi phạm chỉ giới xây dựng',
    });

    // when
    const found = await lookup(intake.code, intake.lookupSecret);

    // then
    expect(found.body.status).to.equal(3);
    expect(found.body.refusal).to.deep.equal({
      refusedAt: found.body.finishedAt,
      reason: 'Công trình vi phạm chỉ giới xây dựng',
    });
    expect(found.body.steps.map((s: any) => s.endedAt === null)).to.deep.equal([false, false]);
    expect(JSON.stringify(found.body)).not.to.contain(INTERNAL_NOTE);
  });

  it('should show the wait for another agency as a step of its own, with its status', async () => {
    // given a land dossier sent to the tax office, which then sends its notice
    const dossier = await DossierDriver.receive(reception, 'cap-gcn-quyen-su-dung-dat-lan-dau', {
      parcelAddress: 'Tổ 5, phường Giảng Võ, Hà Nội',
      parcelNumber: '44',
      mapSheetNumber: '3',
      parcelArea: 72,
      landUsePurpose: 'Đất ở tại đô thị',
      landOrigin: 'Sử dụng ổn định trước năm 1993',
    });
    await dossier.step(officer, 'Task_verify', 'eligible');
    await dossier.step(officer, 'Task_send_tax', undefined, { cadastralExtractNumber: 'TĐ-01' });
    const waiting = await lookup(dossier.code, dossier.intake.lookupSecret);
    const notice = await tax.post(`/api/dossiers/${dossier.code}/messages`, {
      name: 'thong-bao-nghia-vu-tai-chinh',
      data: { taxNoticeNumber: 'TB-4521', taxAmount: 12_500_000 },
    });
    expect(notice.status, JSON.stringify(notice.body)).to.equal(200);

    // when
    const after = await lookup(dossier.code, dossier.intake.lookupSecret);

    // then the wait is open, then closed where the next step starts
    const wait = (body: any) => body.steps.find((s: any) => s.name === 'Nhận thông báo nghĩa vụ tài chính');
    expect(wait(waiting.body)).to.include({ endedAt: null, status: 6 });
    expect(wait(waiting.body).departments).to.deep.equal(['Chi cục Thuế khu vực']);
    expect(waiting.body.status).to.equal(6);
    const closed = wait(after.body);
    const next = after.body.steps.at(-1);
    expect(closed.endedAt).to.equal(next.startedAt);
    expect(next.name).to.equal('Nhận chứng từ hoàn thành nghĩa vụ tài chính');
    expect(JSON.stringify(after.body)).not.to.contain('TB-4521');
  });

  it('should answer a wrong secret exactly as an unknown code', async () => {
    // given
    const intake = await receivePermit();
    // when
    const wrong = await lookup(intake.code, 'WRONGSECRET');
    const unknown = await lookup('QBD-000000-9999', intake.lookupSecret);
    // then
    expect([wrong.status, unknown.status]).to.deep.equal([404, 404]);
    expect(wrong.body).to.deep.equal(unknown.body);
  });
});
