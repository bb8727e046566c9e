import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../../../server/src/core/embedded-postgres.js';
import { LEGACY_PASSWORD } from '../../../server/src/core/embedded-postgres-password.js';
import { closedAncestor } from '../../../server/src/core/embedded-postgres-access.js';
import { freePort } from '../../../bench/support/free-port.js';
import { queryDatabase } from '../../support/database.js';

const query = (url: string, text: string) => queryDatabase<any>(url, text);

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);

describe('embedded PostgreSQL: its password and who can reach it', function () {
  this.timeout(120_000);
  let dataDir: string;
  let port: number;
  let cluster: EmbeddedCluster | null = null;

  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-embedded-'));
    await fs.chmod(dataDir, 0o755);
    port = await freePort();
  });

  afterEach(async () => {
    await cluster?.stop();
    cluster = null;
  });

  after(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('should initialise a cluster with a random password kept in DATA_DIR/pg-password (0600), and reuse it', async () => {
    // when the cluster is created, stopped and started again
    cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port);
    const first = passwordOf(cluster.url('postgres'));
    await cluster.stop();
    cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port);
    // then
    const file = path.join(dataDir, 'pg-password');
    expect((await fs.stat(file)).mode & 0o777).to.equal(0o600);
    expect((await fs.readFile(file, 'utf8')).trim()).to.equal(first);
    expect(first).not.to.equal(LEGACY_PASSWORD);
    expect(first).to.have.length.above(20);
    expect(passwordOf(cluster.url('postgres'))).to.equal(first);
    expect((await query(cluster.url('postgres'), 'select 1 as one')).rows).to.deep.equal([{ one: 1 }]);
  });

  it('should move a cluster of an older release off the built-in password at its first start', async () => {
    // given the cluster as an older release left it: the constant password, no pg-password file
    cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port);
    await query(cluster.url('postgres'), `alter role current_user password '${LEGACY_PASSWORD}'`);
    await cluster.stop();
    await fs.rm(path.join(dataDir, 'pg-password'));
    // when
    cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port);
    // then the new random password works and the constant no longer does
    const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
    expect(passwordOf(cluster.url('postgres')))
      .to.equal(password)
      .and.not.equal(LEGACY_PASSWORD);
    expect((await query(cluster.url('postgres'), 'select 1 as one')).rows).to.have.length(1);
    const legacyUrl = `postgres://postgres:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres`;
    const refused = await query(legacyUrl, 'select 1').then(
      () => null,
      (err: { code?: string }) => err.code,
    );
    expect(refused).to.equal('28P01');
  });

  it('should answer a URL over its Unix socket in its own folder, and keep TCP on loopback open', async () => {
    // when a cluster starts
    cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), port);
    const url = new URL(cluster.url('postgres'));
    // then its URL names the socket folder, where the socket is, and it connects there
    const home = await fs.realpath(path.join(dataDir, 'pg'));
    expect(url.searchParams.get('host')).to.equal(home);
    expect((await fs.stat(path.join(home, `.s.PGSQL.${port}`))).isSocket()).to.equal(true);
    const overSocket = await query(cluster.url('postgres'), 'select inet_server_addr() as addr');
    expect(overSocket.rows).to.deep.equal([{ addr: null }]);
    // and the same cluster still answers on its loopback port
    url.searchParams.delete('host');
    const overTcp = await query(url.toString(), 'select inet_server_addr() as addr');
    expect(overTcp.rows).to.deep.equal([{ addr: '127.0.0.1' }]);
  });

  it('should name the first folder above a path that another user cannot enter', async () => {
    // given a 0700 folder with an open one inside
    const closed = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-closed-'));
    await fs.chmod(closed, 0o700);
    await fs.mkdir(path.join(closed, 'open'), { mode: 0o755 });
    try {
      // when a user that owns nothing there looks, and when the owner does
      const stranger = await closedAncestor(path.join(closed, 'open', 'pg'), 4242);
      const owner = await closedAncestor(path.join(closed, 'open', 'pg'), (await fs.stat(closed)).uid);
      // then
      expect(stranger).to.equal(`${closed} is mode 0700, owned by uid ${(await fs.stat(closed)).uid}`);
      expect(owner).to.equal(null);
    } finally {
      await fs.rm(closed, { recursive: true, force: true });
    }
  });
});
