import { expect } from 'chai';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ApiClient } from '../support/api-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startServer } from '../../server/src/main.js';
import { CATALOGUE_DIR } from '../../server/src/seed/seed-database.js';
import { loadConfig } from '../../server/src/core/config.js';
import { readProcedure } from '../../server/src/procedures/catalogue-sync.js';

describe('the procedure catalogue in processes/', () => {
  let server: TestServer;
  let designer: ApiClient;
  let codes: string[];

  before(async () => {
    server = await startTestServer();
    designer = await ApiClient.as(server.baseUrl, 'thietke');
    codes = (await fs.readdir(CATALOGUE_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name);
  });

  after(() => server.close());

  it('should hold the five procedures of issue 3, plus household business registration', () => {
    expect(codes).to.include.members([
      'cap-giay-phep-xay-dung',
      'dang-ky-ho-kinh-doanh',
      'cap-gcn-quyen-su-dung-dat-lan-dau',
      'dang-ky-khai-sinh',
      'chung-thuc-ban-sao-tu-ban-chinh',
    ]);
  });

  it('should deploy every procedure at start with the duration, unit and cut-off of its procedure.json', async () => {
    // given the catalogue synced when the server started
    for (const code of codes) {
      const file = JSON.parse(await fs.readFile(path.join(CATALOGUE_DIR, code, 'procedure.json'), 'utf8'));
      // when
      const res = await designer.get(`/api/procedures/${code}`);
      // then
      expect(res.status, code).to.equal(200);
      expect(res.body).to.include({
        code,
        name: file.name,
        currentVersion: 1,
        duration: file.duration,
        durationUnit: file.durationUnit,
      });
      expect(res.body.cutoff).to.equal(file.cutoff ?? null);
      expect(res.body.metadata.source).to.equal(file.source);
    }
  });

  it('should deploy every procedure through the API too, under the same checks', async () => {
    for (const code of codes) {
      // given the folder's files as a designer would upload them
      const input = await readProcedure(path.join(CATALOGUE_DIR, code));
      // when
      const res = await designer.post('/api/procedures', { ...input, code: `${code}-api` });
      // then it deploys, and no step is left without the fields it may edit
      expect(res.status, `${code}: ${JSON.stringify(res.body)}`).to.equal(201);
      expect(res.body.warnings, code).to.deep.equal([]);
    }
  });

  it('should not deploy a new version when the server restarts on unchanged files', async () => {
    // given a second server started on the same database, as after a restart
    const again = await startServer({ ...loadConfig({ DATABASE_URL: server.databaseUrl }), port: 0 });
    try {
      // then every procedure is still at version 1
      const client = await ApiClient.as(`http://127.0.0.1:${again.port}`, 'thietke');
      for (const code of codes) {
        const versions = await client.get(`/api/procedures/${code}/versions`);
        expect(
          versions.body.map((v: any) => v.version),
          code,
        ).to.deep.equal([1]);
      }
    } finally {
      await again.close();
    }
  });
});
