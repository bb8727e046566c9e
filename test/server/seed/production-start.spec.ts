import { expect } from 'chai';
import pg from 'pg';
import { loadConfig } from '../../../server/src/core/config.js';
import { startServer, type RunningServer } from '../../../server/src/main.js';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { intakeBody } from '../../support/fixtures.js';
import { startTestServer } from '../../support/server.js';
import { capturingLogs, type LogLine } from '../../support/logs.js';

const ADMIN_PASSWORD = 'Quan-tri-Ba-Dinh-2026';
const PUBLIC_URL = 'https://motcua.badinh.example.gov.vn';

describe('a demo database restarted in production', () => {
  let databaseUrl: string;
  let demoSession: ApiClient;
  let production: RunningServer;
  let baseUrl: string;
  let lines: LogLine[];

  before(async () => {
    // given a database that ran in demo mode, with a demo user still signed in
    const demo = await startTestServer();
    databaseUrl = demo.databaseUrl;
    demoSession = await ApiClient.as(demo.baseUrl, 'tiepnhan');
    await demo.close();
    // when the same data starts with NODE_ENV=production
    const env = {
      NODE_ENV: 'production',
      ADMIN_PASSWORD,
      PUBLIC_URL,
      DATABASE_URL: databaseUrl,
      JOBS: 'false',
    };
    ({ result: production, lines } = await capturingLogs(() => startServer({ ...loadConfig(env), port: 0 })));
    baseUrl = `http://127.0.0.1:${production.port}`;
    demoSession = demoSession.at(baseUrl);
  });

  after(() => production?.close());

  const login = (username: string, password: string) =>
    new ApiClient(baseUrl).post('/api/auth/login', { username, password });

  it('should let no demo user sign in, and say so in one log line', async () => {
    // when
    const answers = await Promise.all(
      ['tiepnhan', 'chuyenvien', 'lanhdao', 'canbothue', 'giamsat', 'thietke'].map((u) =>
        login(u, 'demo1234'),
      ),
    );
    // then
    expect(answers.map((a) => a.status)).to.deep.equal([401, 401, 401, 401, 401, 401]);
    expect(lines.filter((l) => /disabled 6 demo user/.test(l.msg))).to.have.length(1);
  });

  it('should end the sessions demo users had', async () => {
    expect((await demoSession.get('/api/me')).status).to.equal(401);
  });

  it('should make ADMIN_PASSWORD the admin password, and admin123 no longer work', async () => {
    expect((await login('admin', 'admin123')).status).to.equal(401);
    expect((await login('admin', ADMIN_PASSWORD)).status).to.equal(200);
  });

  it('should build citizen links from PUBLIC_URL only', async () => {
    // given a receptionist the admin created
    const admin = await ApiClient.as(baseUrl, 'admin', ADMIN_PASSWORD);
    const created = await admin.post('/api/admin/users', {
      username: 'tn.that',
      password: CREATED_USER_PASSWORD,
      fullName: 'Lý Thị Thật',
      roles: ['receptionist'],
      departments: ['MC'],
    });
    expect(created.status).to.equal(201);
    const reception = await ApiClient.as(baseUrl, 'tn.that', CREATED_USER_PASSWORD);
    // when a dossier is received with an SMS notice
    const intake = await reception.post('/api/dossiers', {
      ...intakeBody('dang-ky-ho-kinh-doanh', {
        businessName: 'Tạp hoá B',
        businessAddress: '1 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 1,
      }),
      notifyChannels: ['sms'],
    });
    // then the queued notice links to PUBLIC_URL, not to the address the request came to
    expect(intake.status, JSON.stringify(intake.body)).to.equal(201);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(`select body from notifications where kind = 'received'`);
    await client.end();
    expect(rows).to.have.length(1);
    expect(rows[0].body).to.contain(`${PUBLIC_URL}/lookup?code=${intake.body.code}`);
  });
});
