import { expect } from 'chai';
import pg from 'pg';
import { clock } from '../../../server/src/core/clock.js';
import { openDatabase } from '../../../server/src/core/db.js';
import { sendDeadlineReminders } from '../../../server/src/deadlines/reminders.js';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, intakeBody } from '../../support/fixtures.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('deadline reminders', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  it('should warn once before a step falls due, once when it is overdue, and the leaders before the dossier is late', async () => {
    // given a dossier received Tuesday 09:00: review due Friday 09:00, dossier due next Tuesday 09:00
    clock.now = () => vn('2026-11-24T09:00:00');
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' }),
    );
    const database = await openDatabase(server.databaseUrl, 2);
    const kinds = async () => {
      const db = new pg.Client({ connectionString: server.databaseUrl });
      await db.connect();
      const rows = (
        await db.query(
          `select kind, recipient from notifications where dossier_id = $1 and channel = 'log' order by created_at`,
          [dossier.id],
        )
      ).rows;
      await db.end();
      return rows.map((r) => `${r.kind} ${r.recipient.split(':')[0]}`);
    };
    try {
      // when reminders run Wednesday (nothing near), Thursday 10:00 (review within a working day) twice,
      // Friday 10:00 (review overdue) and Monday 10:00 (dossier within a working day)
      for (const at of [
        '2026-11-25T10:00:00',
        '2026-11-26T10:00:00',
        '2026-11-26T10:30:00',
        '2026-11-27T10:00:00',
        '2026-11-30T10:00:00',
      ]) {
        clock.now = () => vn(at);
        await sendDeadlineReminders(database.db, 8);
      }
      // then each warning went out exactly once
      expect(await kinds()).to.deep.equal([
        'task_due_soon dept',
        'task_overdue dept',
        'dossier_due_soon user',
      ]);
    } finally {
      await database.close();
    }
  });
});
