import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS, intakeBody } from '../../support/fixtures.js';
import { queryDatabase } from '../../support/database.js';

/**
 * The role × route × scope matrix, generated from the OpenAPI document: every operation is
 * tried anonymously and by every role, for a user whose department holds the dossier's step,
 * one in another department of the same agency, and one in another agency. What each answer
 * must be follows from what the route declares next to itself (`access` → x-roles, `scope` →
 * x-scope), so a route added without a declaration, or with a wrong one, fails here.
 */

const ROLES = ['receptionist', 'officer', 'leader', 'supervisor', 'designer', 'admin'] as const;
type Relation = 'holds-step' | 'same-agency' | 'other-agency';
const RELATIONS: Record<Relation, string> = {
  'holds-step': 'TCKH',
  'same-agency': 'QLDT',
  'other-agency': 'PGV-TP',
};
const PASSWORD = 'Ma-tran-quyen-2026!';
const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

type Scope = 'none' | 'listed' | { dossier: 'code' | 'task' | 'attachment' };
interface Operation {
  method: string;
  path: string;
  roles: string[] | null;
  isPublic: boolean;
  scope: Scope;
  hasBody: boolean;
}
interface Caller {
  name: string;
  client: ApiClient;
  role: (typeof ROLES)[number] | null;
  relation: Relation | null;
}

/** The error code a route answers when the dossier it names is outside the caller's scope (or missing). */
const NOT_FOUND_CODE = {
  code: 'dossier_not_found',
  task: 'task_not_found',
  attachment: 'attachment_not_found',
} as const;

describe('access matrix: every route × role × scope', () => {
  let server: TestServer;
  let operations: Operation[];
  let callers: Caller[];
  let dossierCode: string;
  let taskId: string;
  let attachmentId: string;

  before(async function () {
    this.timeout(120_000);
    server = await startTestServer();
    const { admin, reception } = await signIn(server.baseUrl, 'admin', 'reception');
    // given a dossier received at the district desk (MC, agency QBD), now at its first step in TCKH
    const intake = await reception.post('/api/dossiers', intakeBody(PROCEDURE, HOUSEHOLD_BUSINESS));
    expect(intake.status, JSON.stringify(intake.body)).to.equal(201);
    dossierCode = intake.body.code;
    taskId = intake.body.nextTasks[0].id;
    expect(intake.body.nextTasks[0].departmentCodes).to.deep.equal([RELATIONS['holds-step']]);
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n% ma tran\n')], { type: 'application/pdf' }),
      'don.pdf',
    );
    const upload = await reception.postForm(`/api/dossiers/${dossierCode}/attachments`, form);
    expect(upload.status, JSON.stringify(upload.body)).to.equal(201);
    attachmentId = upload.body[0].id;
    // and a user of every role in each relation to it
    callers = [{ name: 'anonymous', client: new ApiClient(server.baseUrl), role: null, relation: null }];
    for (const role of ROLES) {
      for (const [relation, department] of Object.entries(RELATIONS) as [Relation, string][]) {
        const username = `${role}-${relation}`.replace(/[^a-z-]/g, '');
        const created = await admin.post('/api/admin/users', {
          username,
          password: PASSWORD,
          fullName: `Người thử ${role} ${relation}`,
          roles: [role],
          departments: [department],
        });
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
        const client = new ApiClient(server.baseUrl);
        expect((await client.post('/api/auth/login', { username, password: PASSWORD })).status).to.equal(200);
        callers.push({ name: username, client, role, relation });
      }
    }
    operations = operationsOf((await admin.get('/api/openapi.json')).body);
  });

  after(() => server.close());

  it('should find a declared scope on every operation, matching the parameter it names', () => {
    for (const op of operations) {
      const label = `${op.method} ${op.path}`;
      expect(op.scope, label).to.satisfy(isScope);
      if (op.path.startsWith('/api/dossiers/{code}'))
        expect(op.scope, label).to.deep.equal({ dossier: 'code' });
      if (op.path.startsWith('/api/tasks/{id}')) expect(op.scope, label).to.deep.equal({ dossier: 'task' });
      if (op.path.startsWith('/api/attachments/{id}'))
        expect(op.scope, label).to.deep.equal({ dossier: 'attachment' });
    }
    expect(operations.length).to.be.greaterThan(40);
  });

  it('should answer every caller as the route declares: 401, 403, 404 outside the scope, never 5xx', async function () {
    this.timeout(180_000);
    const wrong: string[] = [];
    for (const op of operations) {
      for (const caller of callers) {
        // when (signing out would end the caller's session for the rest of the suite: a second one signs out)
        const client = op.path === '/api/auth/logout' ? await secondSession(caller) : caller.client;
        const res = await send(client, op);
        // then
        const expected = expectedAnswer(op, caller);
        const code: string | undefined = res.body?.error?.code;
        const ok = matches(expected, res.status, code);
        if (!ok)
          wrong.push(
            `${op.method} ${op.path} as ${caller.name}: expected ${describeExpected(expected)}, got ${res.status} ${code ?? ''}`,
          );
      }
    }
    expect(wrong, wrong.join('\n')).to.deep.equal([]);
  });

  it('should list the dossier only to callers whose scope holds it', async () => {
    for (const caller of callers.filter(
      (c) => c.role && ['receptionist', 'officer', 'leader', 'supervisor', 'admin'].includes(c.role),
    )) {
      // when
      const byCode = await caller.client.get(`/api/dossiers?q=${dossierCode}`);
      const all = await caller.client.get('/api/dossiers?pageSize=100');
      // then
      const sees = caller.role === 'admin' || caller.relation !== 'other-agency';
      const found = [byCode, all].map((r) =>
        r.body.items.some((d: { code: string }) => d.code === dossierCode),
      );
      expect(found, caller.name).to.deep.equal([sees, sees]);
      if (!sees) expect(byCode.body.total, caller.name).to.equal(0);
    }
  });

  it('should let a supervisor given the city see every agency below it, and no agency beside it', async () => {
    // given the demo supervisor, given the city (HN) with the district, the ward and the land office below it
    const supervisor = await ApiClient.as(server.baseUrl, 'giamsat');
    const wardDesk = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const ward = await wardDesk.post('/api/dossiers', {
      ...intakeBody('chung-thuc-ban-sao-tu-ban-chinh', certifiedCopy()),
      departmentCode: 'PGV-MC',
    });
    expect(ward.status, JSON.stringify(ward.body)).to.equal(201);
    // when
    const district = await supervisor.get(`/api/dossiers/${dossierCode}`);
    const wardDossier = await supervisor.get(`/api/dossiers/${ward.body.code}`);
    const taxReport = await supervisor.get('/api/reports/on-time?department=CCT&month=2026-01');
    const wardReport = await supervisor.get('/api/reports/on-time?department=PGV-MC&month=2026-01');
    const cityIi06a = await supervisor.get('/api/reports/ii06a?agency=HN&from=2026-01-01&to=2026-01-31');
    const taxIi06a = await supervisor.get('/api/reports/ii06a?agency=CCT&from=2026-01-01&to=2026-01-31');
    // then the tax office, a root of its own, stays outside
    expect([district.status, wardDossier.status, wardReport.status, taxReport.status]).to.deep.equal([
      200, 200, 200, 404,
    ]);
    expect([cityIi06a.status, taxIi06a.status]).to.deep.equal([200, 404]);
  });

  it('should audit every read of personal data by staff: who, which dossier, which route', async () => {
    // given an officer of the department holding the step
    const officer = callers.find((c) => c.name === 'officer-holds-step')!;
    const count = async () =>
      (
        await queryDatabase<{ n: number }>(
          server.databaseUrl,
          `select count(*)::int as n from personal_data_reads r join dossiers d on d.id = r.dossier_id join users u on u.id = r.user_id
            where d.code = $1 and u.username = $2 and r.route = 'GET /api/dossiers/:code'`,
          [dossierCode, officer.name],
        )
      ).rows[0]!.n;
    const before = await count();
    // when they open the dossier twice, and search the list (which shows no personal data)
    for (let i = 0; i < 2; i++)
      expect((await officer.client.get(`/api/dossiers/${dossierCode}`)).status).to.equal(200);
    await officer.client.get(`/api/dossiers?q=${dossierCode}`);
    // then two reads are recorded, and none by the list
    expect((await count()) - before).to.equal(2);
    const listed = await queryDatabase<{ n: number }>(
      server.databaseUrl,
      `select count(*)::int as n from personal_data_reads where route = 'GET /api/dossiers'`,
    );
    expect(listed.rows[0]!.n).to.equal(0);
  });

  async function secondSession(caller: Caller): Promise<ApiClient> {
    const client = new ApiClient(server.baseUrl);
    if (caller.role) await client.post('/api/auth/login', { username: caller.name, password: PASSWORD });
    return client;
  }

  /** Fills the path parameters from the scope the route declares; other ids name nothing. */
  function send(client: ApiClient, op: Operation) {
    const value = (name: string): string => {
      if (typeof op.scope === 'object') {
        if (op.scope.dossier === 'code' && name === 'code') return dossierCode;
        if (op.scope.dossier === 'task') return taskId;
        if (op.scope.dossier === 'attachment') return attachmentId;
      }
      if (name === 'code') return PROCEDURE;
      if (name === 'version') return '1';
      return NO_SUCH_ID;
    };
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name)));
    return client.request<any>(op.method.toUpperCase(), path, op.hasBody ? {} : undefined);
  }
});

type Expected =
  | { status: 401; code: 'unauthenticated' }
  | { status: 403; code: 'forbidden' }
  | { status: 404; code: string }
  | 'allowed';

/** What the declarations say a caller must get: refused by sign-in, by role, by scope, or let through to the handler. */
function expectedAnswer(op: Operation, caller: Caller): Expected {
  if (op.isPublic) return 'allowed';
  if (!caller.role) return { status: 401, code: 'unauthenticated' };
  if (op.roles && !op.roles.includes(caller.role)) return { status: 403, code: 'forbidden' };
  if (typeof op.scope === 'object' && caller.role !== 'admin' && caller.relation === 'other-agency') {
    return { status: 404, code: NOT_FOUND_CODE[op.scope.dossier] };
  }
  return 'allowed';
}

/** Let through: any answer of the handler (a 2xx, or a domain 4xx such as 409 or 422), but never a refusal of the gate nor a 5xx. */
function matches(expected: Expected, status: number, code: string | undefined): boolean {
  if (status >= 500) return false;
  if (expected !== 'allowed') return status === expected.status && code === expected.code;
  const refusals = ['unauthenticated', 'forbidden', ...Object.values(NOT_FOUND_CODE)];
  return !refusals.includes(code ?? '');
}

function describeExpected(expected: Expected): string {
  return expected === 'allowed' ? 'the handler to answer' : `${expected.status} ${expected.code}`;
}

function isScope(scope: unknown): boolean {
  if (scope === 'none' || scope === 'listed') return true;
  const dossier = (scope as { dossier?: unknown } | null)?.dossier;
  return dossier === 'code' || dossier === 'task' || dossier === 'attachment';
}

function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      roles: op['x-roles'] ?? null,
      isPublic: Array.isArray(op.security) && op.security.length === 0,
      scope: op['x-scope'],
      hasBody: Boolean(op.requestBody?.content?.['application/json']),
    })),
  );
}

function certifiedCopy() {
  return {
    documentName: 'Bằng tốt nghiệp',
    issuingAuthority: 'Trường Đại học Bách khoa Hà Nội',
    pageCount: 2,
    copyCount: 3,
  };
}
