import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { freePort } from '../../../bench/support/free-port.js';
import { removeCluster } from '../../../server/src/core/embedded-postgres-home.js';
import { ApiClient } from '../../support/api-client.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('backup and restore', function () {
  this.timeout(300_000);
  const temporary: string[] = [];
  const servers: ServerProcess[] = [];

  after(async () => {
    for (const server of servers) await server.kill('SIGKILL');
    for (const dir of temporary) {
      await removeCluster(path.join(dir, 'pg'));
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  const tempDir = async (name: string) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), `motcua-${name}-`));
    temporary.push(dir);
    return dir;
  };
  const start = async (dataDir: string) => {
    const server = await spawnServer(null, await freePort(), {
      DATA_DIR: dataDir,
      PG_PORT: String(await freePort()),
    });
    servers.push(server);
    return server;
  };

  it('should bring back dossiers and files into a new DATA_DIR, where the dossier goes on to its end', async () => {
    // given a server on its own embedded cluster: a dossier received, its first step done, a file attached
    const oldData = await tempDir('backup-old');
    const first = await start(oldData);
    const dossier = await DossierDriver.receive(
      await ApiClient.as(first.baseUrl, 'tiepnhan'),
      'dang-ky-ho-kinh-doanh',
      HOUSEHOLD_BUSINESS,
    );
    await dossier.step(await ApiClient.as(first.baseUrl, 'chuyenvien'), 'Task_review', 'approve');
    const file = Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(200_000)]);
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'application/pdf' }), 'giay-to.pdf');
    const upload = await (
      await ApiClient.as(first.baseUrl, 'tiepnhan')
    ).postForm(`/api/dossiers/${dossier.code}/attachments`, form);
    expect(upload.status, JSON.stringify(upload.body)).to.equal(201);
    const backups = await tempDir('backups');
    const whileRunning = await script('backup', ['--out', backups], oldData);
    expect(whileRunning.code, whileRunning.output).to.equal(1);
    expect(whileRunning.output).to.contain('stop the server first');
    expect(await fs.readdir(backups)).to.deep.equal([]);
    let stopping = '';
    first.child.stdout!.on('data', (c: Buffer) => (stopping += c.toString()));
    first.child.stderr!.on('data', (c: Buffer) => (stopping += c.toString()));
    await first.kill('SIGTERM');
    expect(first.child.exitCode, stopping).to.equal(0);

    // when it is backed up (refused while it ran), and restored into a new DATA_DIR
    expect(await script('backup', ['--out', backups], oldData)).to.include({ code: 0 });
    const [folder] = await fs.readdir(backups);
    expect(folder).to.match(/^motcua-backup-\d{8}T\d{6}Z$/);
    const newData = await tempDir('backup-new');
    expect(await script('restore', [path.join(backups, folder!)], newData)).to.include({ code: 0 });
    const again = await script('restore', [path.join(backups, folder!)], newData);

    // then a second restore into the same DATA_DIR is refused
    expect(again.code).to.equal(1);
    expect(again.output).to.contain('already holds a cluster');
    // and a server there has the file, byte for byte, and takes the dossier to its end
    const second = await start(newData);
    const reception = await ApiClient.as(second.baseUrl, 'tiepnhan');
    const download = await reception.fetchRaw('GET', `/api/attachments/${upload.body[0].id}`);
    expect(download.status).to.equal(200);
    expect(sha256(Buffer.from(await download.arrayBuffer()))).to.equal(sha256(file));
    const restored = dossier.at(reception);
    await restored.step(await ApiClient.as(second.baseUrl, 'lanhdao'), 'Task_sign', 'sign', {
      certificateNumber: 'HKD-01',
    });
    await restored.returnResult(reception);
    expect((await restored.slip()).map(([type]) => type)).to.deep.equal([
      'received',
      'step_completed',
      'step_completed',
      'step_completed',
      'finished',
    ]);
  });
});

/** Runs `npm run <name>` as its script line does, with DATA_DIR set; answers its exit code and output. */
function script(
  name: 'backup' | 'restore',
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, `server/src/ops/${name}.ts`), ...args],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
