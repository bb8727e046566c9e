import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../server/src/core/db.js';
import { notifications } from '../../../server/src/db/schema.js';
import { enqueueNotice } from '../../../server/src/notify/outbox.js';
import { deliverNotices } from '../../../server/src/notify/deliver.js';
import { channelsFrom } from '../../../server/src/notify/channels.js';
import { freshDatabaseUrl } from '../../support/database.js';
import { capturingLogs } from '../../support/logs.js';

const SECRET = 'K7Q2-PX9M';
const LOOKUP = `https://motcua.example.gov.vn/lookup?code=QBD-261124-0007&secret=${SECRET}`;

describe('the lookup secret in notices', () => {
  let database: Database;

  before(async () => {
    database = await openDatabase(await freshDatabaseUrl(), 4);
  });

  after(() => database.close());

  async function queue(channel: string, address: string) {
    const vars = {
      code: 'QBD-261124-0007',
      procedureName: 'Đăng ký hộ kinh doanh',
      dueAt: new Date(),
      lookupUrl: LOOKUP,
    };
    await enqueueNotice(database.db, 'received', [{ channel, address }], vars, null);
  }

  const stored = async (address: string) =>
    (await database.db.select().from(notifications).where(eq(notifications.recipient, address)))[0]!;

  it('should never write the secret to the log, and keep it out of the stored notice once delivered', async () => {
    // given a notice that goes to the log (no gateway configured)
    await queue('sms', '0900000101');
    const queued = await stored('0900000101');
    // when
    const { lines } = await capturingLogs(() => deliverNotices(database.db, channelsFrom({})));
    // then
    expect(queued.body).to.contain(SECRET);
    const line = lines.map((l) => JSON.stringify(l)).find((l) => l.includes('0900000101'))!;
    expect(line).to.contain('lookup?code=QBD-261124-0007&secret=[redacted]');
    expect(line).not.to.contain(SECRET);
    const delivered = await stored('0900000101');
    expect(delivered.status).to.equal('sent');
    expect(delivered.body).not.to.contain(SECRET);
  });

  it('should send the secret to the citizen through the gateway and then drop it from the row', async () => {
    // given an SMS gateway on loopback
    const received: string[] = [];
    const gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body).message);
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    await queue('sms', '0900000102');
    // when
    try {
      await deliverNotices(database.db, channelsFrom({ smsGatewayUrl: url }));
    } finally {
      await new Promise((resolve) => gateway.close(resolve));
    }
    // then
    expect(received).to.have.length(1);
    expect(received[0]).to.contain(LOOKUP);
    const delivered = await stored('0900000102');
    expect(delivered.status).to.equal('sent');
    expect(delivered.body).to.contain('secret=[redacted]').and.not.contain(SECRET);
  });
});
