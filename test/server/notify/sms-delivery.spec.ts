import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../server/src/core/db.js';
import { clock } from '../../../server/src/core/clock.js';
import { notifications } from '../../../server/src/db/schema.js';
import { enqueueNotice } from '../../../server/src/notify/outbox.js';
import { deliverNotices } from '../../../server/src/notify/deliver.js';
import { channelsFrom, smsChannel } from '../../../server/src/notify/channels.js';
import { freshDatabaseUrl } from '../../support/database.js';

/** An SMS gateway on loopback that fails on demand and, like real gateways, honours idempotency keys. */
class GatewayStub {
  readonly requests: { key: string; to: string; message: string }[] = [];
  failuresLeft = 0;
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (this.failuresLeft > 0) {
        this.failuresLeft -= 1;
        res.writeHead(503).end();
        return;
      }
      const { to, message } = JSON.parse(body);
      this.requests.push({ key: String(req.headers['idempotency-key']), to, message });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  stop() {
    return new Promise((resolve) => this.server.close(resolve));
  }
}

describe('SMS notices through the outbox', () => {
  let database: Database;
  let gateway: GatewayStub;
  let url: string;

  before(async () => {
    database = await openDatabase(await freshDatabaseUrl(), 4);
    gateway = new GatewayStub();
    url = await gateway.start();
  });

  after(async () => {
    await gateway.stop();
    await database.close();
  });

  async function queue(phone: string) {
    await enqueueNotice(
      database.db,
      'result_ready',
      [{ channel: 'sms', address: phone }],
      { code: 'QBD-261124-0001', procedureName: 'Đăng ký hộ kinh doanh' },
      null,
    );
    const [row] = await database.db.select().from(notifications).where(eq(notifications.recipient, phone));
    return row!;
  }

  it('should deliver a queued notice in Vietnamese to the gateway', async () => {
    // given
    await queue('0900000001');
    // when
    const sent = await deliverNotices(database.db, channelsFrom({ smsGatewayUrl: url }));
    // then
    expect(sent).to.equal(1);
    const request = gateway.requests.find((r) => r.to === '0900000001')!;
    expect(request.message).to.contain('đã có kết quả');
  });

  it('should retry with backoff while the gateway fails', async () => {
    // given a gateway that fails twice
    const notice = await queue('0900000002');
    gateway.failuresLeft = 2;
    const channels = channelsFrom({ smsGatewayUrl: url });

    // when delivery runs now, and again once each backoff has passed
    expect(await deliverNotices(database.db, channels)).to.equal(0);
    expect(await deliverNotices(database.db, channels), 'not retried before the backoff').to.equal(0);
    let later = Date.now() + 60_000;
    clock.now = () => new Date(later);
    expect(await deliverNotices(database.db, channels)).to.equal(0);
    later += 5 * 60_000;
    const sent = await deliverNotices(database.db, channels);

    // then it went through on the third attempt, once
    expect(sent).to.equal(1);
    const [row] = await database.db.select().from(notifications).where(eq(notifications.id, notice.id));
    expect(row!.status).to.equal('sent');
    expect(row!.attempts).to.equal(3);
    expect(gateway.requests.filter((r) => r.to === '0900000002')).to.have.length(1);
  });

  it('should resend with the same idempotency key after a crash between delivery and acknowledgement', async () => {
    // given a notice the gateway received just before the sender died (never marked sent)
    const notice = await queue('0900000003');
    await smsChannel(url, undefined).send(notice);

    // when delivery runs after the restart
    const sent = await deliverNotices(database.db, channelsFrom({ smsGatewayUrl: url }));

    // then the retry carries the same key, so the citizen gets one message
    expect(sent).to.equal(1);
    const requests = gateway.requests.filter((r) => r.to === '0900000003');
    expect(requests).to.have.length(2);
    expect(requests[0]!.key).to.equal(notice.id);
    expect(requests[1]!.key).to.equal(notice.id);
    expect(new Set(requests.map((r) => r.key)).size).to.equal(1);
  });
});
