import { expect } from 'chai';
import pg from 'pg';
import { ApiClient } from '../../support/api-client.js';
import { queryDatabase } from '../../support/database.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { HOUSEHOLD_BUSINESS, intakeBody } from '../../support/fixtures.js';
import { capturingLogs } from '../../support/logs.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  ADMIN_PASSWORD: 'Quan-tri-Ba-Dinh-2026',
  PUBLIC_URL: 'https://motcua.badinh.example.gov.vn',
};

describe('operations: health, readiness and metrics', () => {
  describe('a server with its database', () => {
    let server: TestServer;
    let anonymous: ApiClient;

    before(async () => {
      server = await startTestServer({ JOBS: 'false' });
      anonymous = new ApiClient(server.baseUrl);
    });

    after(() => server.close());

    it('should answer /healthz and /readyz with 200 to anyone', async () => {
      // when
      const health = await anonymous.get('/healthz');
      const ready = await anonymous.get('/readyz');
      // then
      expect([health.status, health.body]).to.deep.equal([200, { status: 'ok' }]);
      expect([ready.status, ready.body]).to.deep.equal([200, { status: 'ready' }]);
    });

    it('should answer /readyz 503 not_ready while the database refuses connections, and 200 once it takes them again', async () => {
      // given the server's database closed to new connections and its open ones ended
      const name = new URL(server.databaseUrl).pathname.slice(1);
      // (the pool logs the connections that were ended: kept out of the run's output)
      const { result: refused } = await capturingLogs(async () => {
        await allowConnections(server.databaseUrl, name, false);
        try {
          // when
          return await anonymous.get('/readyz');
        } finally {
          await allowConnections(server.databaseUrl, name, true);
        }
      });
      // then
      expect(refused.status).to.equal(503);
      expect(refused.body.error).to.deep.include({
        code: 'not_ready',
        details: { reason: 'database_unavailable' },
      });
      expect((await anonymous.get('/readyz')).status).to.equal(200);
    });

    it('should expose process, HTTP, command, hot-engine, outbox and timer-lag metrics in Prometheus text', async () => {
      // given a dossier received and its first step completed, one whose citizen waits for an SMS,
      // and a timer overdue by an hour
      const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
      const dossier = await DossierDriver.receive(reception, 'dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS);
      const notified = await reception.post('/api/dossiers', {
        ...intakeBody('dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS),
        notifyChannels: ['sms'],
      });
      expect(notified.status, JSON.stringify(notified.body)).to.equal(201);
      // (the registry is the process's: other servers of this test run count there too)
      const completionsBefore = completionCount(await (await anonymous.fetchRaw('GET', '/metrics')).text());
      await dossier.step(await ApiClient.as(server.baseUrl, 'chuyenvien'), 'Task_review', 'approve');
      await queryDatabase(
        server.databaseUrl,
        `insert into engine_timers (dossier_id, element_id, execution_id, fire_at, status)
         select id, 'Timer_test', 'Timer_test_1', now() - interval '1 hour', 'pending' from dossiers where code = $1`,
        [dossier.code],
      );
      const pending = (
        await queryDatabase<{ n: number }>(
          server.databaseUrl,
          `select count(*)::int as n from notifications where status = 'pending'`,
        )
      ).rows[0]!.n;
      // when
      const res = await anonymous.fetchRaw('GET', '/metrics');
      const text = await res.text();
      // then
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.contain('text/plain');
      expect(text).to.match(/^process_cpu_user_seconds_total \d/m);
      expect(text).to.match(
        /^http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} \d+/m,
      );
      expect(completionCount(text) - completionsBefore).to.equal(1);
      expect(text).to.match(/^motcua_command_duration_seconds_count\{kind="intake"\} [1-9]/m);
      expect(text).to.match(/^motcua_command_duration_seconds_count\{kind="completion"\} [1-9]/m);
      expect(text).to.match(/^motcua_engine_lookups_total\{result="hit"\} [1-9]/m);
      expect(pending).to.be.greaterThan(0);
      expect(text).to.match(new RegExp(`^motcua_outbox_pending ${pending}$`, 'm'));
      const lag = Number(/^motcua_timer_lag_seconds (\S+)$/m.exec(text)?.[1]);
      expect(lag).to.be.within(3600, 3600 + 600);
    });
  });

  describe('who may scrape /metrics', () => {
    it('should require the METRICS_TOKEN as a Bearer token when it is set', async () => {
      // given
      const server = await startTestServer({ JOBS: 'false', METRICS_TOKEN: 'scrape-me-0123456789' });
      try {
        // when
        const none = await fetch(`${server.baseUrl}/metrics`);
        const wrong = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
        const right = await fetch(`${server.baseUrl}/metrics`, {
          headers: { authorization: 'Bearer scrape-me-0123456789' },
        });
        // then
        expect([none.status, wrong.status, right.status]).to.deep.equal([401, 401, 200]);
        expect(none.headers.get('www-authenticate')).to.contain('Bearer');
        expect(((await wrong.json()) as { error: { code: string } }).error.code).to.equal(
          'metrics_token_required',
        );
      } finally {
        await server.close();
      }
    });

    it('should have no /metrics in production without METRICS_TOKEN, and keep /healthz', async () => {
      // given
      const server = await startTestServer({ ...PRODUCTION, JOBS: 'false' });
      const anonymous = new ApiClient(server.baseUrl);
      try {
        // when
        const metrics = await anonymous.get('/metrics');
        // then
        expect([metrics.status, metrics.body.error.code]).to.deep.equal([404, 'metrics_disabled']);
        expect((await anonymous.get('/healthz')).status).to.equal(200);
      } finally {
        await server.close();
      }
    });
  });
});

/** Completions answered 200, as the HTTP histogram counts them (0 before the first). */
function completionCount(metrics: string): number {
  const line =
    /^http_request_duration_seconds_count\{method="POST",route="\/api\/tasks\/:id\/complete",status="200"\} (\d+)$/m;
  return Number(line.exec(metrics)?.[1] ?? 0);
}

/** Opens or closes a database to every new connection (superusers too), ending its open ones on close. */
async function allowConnections(url: string, database: string, allow: boolean): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`alter database "${database}" with allow_connections ${allow}`);
    if (!allow) {
      await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
    }
  } finally {
    await client.end();
  }
}
