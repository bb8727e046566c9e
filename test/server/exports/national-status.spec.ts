import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { newStaff, signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import type { NationalStatusLine } from '../../../server/src/exports/national-status.schema.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';

/**
 * The export as a sync job reads it (the test client checks each line against the route's line
 * schema), and where to resume: the last line's cursor, or the same one when nothing came.
 */
async function readExport(client: ApiClient, after = '0.0') {
  const res = await client.get<string>(`/api/exports/national-status?after=${after}`);
  expect(res.status).to.equal(200);
  const lines = res.body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NationalStatusLine);
  return { lines, next: lines.at(-1)?.cursor ?? after };
}

describe('national status export: every change of a dossier as a JSON line, from a cursor', () => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof signIn<'reception' | 'officer' | 'leader' | 'supervisor' | 'admin'>>>;

  before(async () => {
    server = await startTestServer();
    staff = await signIn(server.baseUrl, 'reception', 'officer', 'leader', 'supervisor', 'admin');
  });

  after(() => server.close());

  it('should give each change of a dossier in order, with its national status code, and resume where it stopped', async () => {
    // given where the feed stands before the dossier
    const { next: start } = await readExport(staff.admin);

    // when a dossier is received, paused for a supplement, resumed, decided and its result returned
    const dossier = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    await staff.officer.post(`/api/dossiers/${dossier.code}/supplement-request`, {
      reasons: ['Thiếu bản sao giấy tờ'],
      items: ['Bản sao căn cước'],
    });
    await staff.reception.post(`/api/dossiers/${dossier.code}/supplement`, {});
    await dossier.step(staff.officer, 'Task_review', 'approve');
    await dossier.step(staff.leader, 'Task_sign', 'sign', { certificateNumber: '01A8009999' });
    await dossier.returnResult(staff.reception);

    // then the export from the cursor has one line per change, in order: received (2), supplement
    // requested (5, paused), received again (2, the clock restarted with a later promised date),
    // processing (4, at the leader's signature), result ready (9) and returned (10, finished)
    const { lines, next } = await readExport(staff.admin, start);
    const mine = lines.filter((l) => l.code === dossier.code);
    expect(mine.map((l) => l.status)).to.deep.equal([2, 5, 2, 4, 9, 10]);
    expect(mine[1]!.pausedAt).to.be.a('string');
    expect(mine[2]!.pausedAt).to.equal(null);
    expect(new Date(mine[2]!.dueAt).getTime()).to.be.at.least(new Date(mine[0]!.dueAt).getTime());
    expect(mine.at(-1)!.finishedAt).to.be.a('string');
    expect(mine[0]).to.include({ procedure: PROCEDURE, statusText: 'Đã tiếp nhận', channel: 'in_person' });
    // and the answer names where to resume; reading from there gives nothing new, and the same cursor
    const raw = await staff.admin.fetchRaw('GET', `/api/exports/national-status?after=${start}`);
    expect(raw.headers.get('content-type')).to.match(/^application\/x-ndjson/);
    expect(raw.headers.get('x-next-cursor')).to.equal(next);
    const again = await staff.admin.fetchRaw('GET', `/api/exports/national-status?after=${next}`);
    expect(await again.text()).to.equal('');
    expect(again.headers.get('x-next-cursor')).to.equal(next);
  });

  it('should hold back a change committed after an older transaction that is still open, never skip it', async () => {
    // given a transaction that changes a dossier and stays open
    const { next: start } = await readExport(staff.admin);
    const first = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    const { default: pg } = await import('pg');
    const held = new pg.Client({ connectionString: server.databaseUrl });
    await held.connect();
    try {
      await held.query('begin');
      await held.query(`update dossiers set due_at = due_at + interval '1 day' where code = $1`, [
        first.code,
      ]);

      // when another dossier is received and committed meanwhile
      const second = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
      const during = await readExport(staff.admin, start);

      // then the export stops before it: the open transaction might still commit a line before it
      expect(during.lines.map((l) => l.code)).to.deep.equal([first.code]);

      // and once the older transaction commits, both changes come, the held one first
      await held.query('commit');
      const after = await readExport(staff.admin, during.next);
      expect(after.lines.map((l) => l.code)).to.deep.equal([first.code, second.code]);
    } finally {
      await held.end();
    }
  });

  it('should give a supervisor only the agencies they oversee', async () => {
    // given a dossier of the district (agency QBD, under HN) and a supervisor of the tax office, a root of its own
    const dossier = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    const taxSupervisor = await newStaff(staff.admin, {
      username: 'giamsat-thue',
      fullName: 'Giám sát thuế',
      roles: ['supervisor'],
      departments: ['CCT'],
    });

    // when both supervisors read the whole export
    const district = await readExport(staff.supervisor);
    const tax = await readExport(taxSupervisor);

    // then the province's supervisor sees the dossier; the tax office's sees nothing, its office having received none
    expect(district.lines.some((l) => l.code === dossier.code)).to.equal(true);
    expect(tax.lines.map((l) => l.code)).to.deep.equal([]);
  });

  it('should refuse a cursor that is not one, saying what a cursor looks like', async () => {
    // when the cursor is malformed
    const res = await staff.admin.get('/api/exports/national-status?after=abc');

    // then a 422 names the parameter
    expect(res.status).to.equal(422);
    expect(JSON.stringify(res.body.error.details)).to.include('after');
  });
});
