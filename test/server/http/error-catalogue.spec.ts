import { expect } from 'chai';
import { ApiClient, type ApiResponse } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { ERROR_CODES, ERROR_STATUS, type ErrorCode } from '../../../server/src/core/errors.js';

interface Operation {
  responses: Record<string, { 'x-error-codes'?: string[] }>;
}

describe('The error catalogue', () => {
  let server: TestServer;
  let operations: { method: string; pattern: RegExp; operation: Operation }[];

  before(async () => {
    server = await startTestServer();
    const doc = (await new ApiClient(server.baseUrl).get('/api/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({
          method: method.toUpperCase(),
          pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
          operation,
        })),
    );
  });

  after(() => server.close());

  /** The codes the OpenAPI document lists for the operation a request reaches, at a status. */
  function documentedCodes(method: string, url: string, status: number): string[] {
    const path = url.split('?')[0]!;
    const found = operations.find((o) => o.method === method && o.pattern.test(path));
    return found?.operation.responses[status]?.['x-error-codes'] ?? [];
  }

  it('should answer every sampled failure with a catalogue code, its status, and a code its route documents', async () => {
    // given a caller per role
    const anonymous = new ApiClient(server.baseUrl);
    const { officer, reception, admin } = await signIn(server.baseUrl, 'officer', 'reception', 'admin');
    const samples: [ApiClient, string, string, unknown, ErrorCode][] = [
      [anonymous, 'GET', '/api/me', undefined, 'unauthenticated'],
      [anonymous, 'POST', '/api/auth/login', { username: 'admin', password: 'sai' }, 'invalid_credentials'],
      [officer, 'GET', '/api/admin/users', undefined, 'forbidden'],
      [officer, 'GET', '/api/dossiers/KHONG-CO', undefined, 'dossier_not_found'],
      [officer, 'POST', '/api/tasks/not-a-uuid/claim', undefined, 'task_not_found'],
      [
        officer,
        'GET',
        '/api/attachments/00000000-0000-0000-0000-000000000000',
        undefined,
        'attachment_not_found',
      ],
      [officer, 'GET', '/api/procedures/khong-co', undefined, 'procedure_not_found'],
      [reception, 'POST', '/api/dossiers', {}, 'validation_failed'],
      [admin, 'POST', '/api/admin/agencies', { code: 'CCT', name: 'Cơ quan thuế' }, 'agency_exists'],
      [admin, 'DELETE', '/api/admin/calendar/holidays/2147483647', undefined, 'calendar_entry_not_found'],
      [anonymous, 'GET', '/api/public/lookup?code=KHONG-CO&secret=ABCD-EFGH', undefined, 'dossier_not_found'],
    ];

    for (const [client, method, url, body, expected] of samples) {
      // when
      const res: ApiResponse = await client.request(method, url, body);

      // then
      const code = res.body?.error?.code as ErrorCode;
      const where = `${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`;
      expect(code, where).to.equal(expected);
      expect(ERROR_CODES, where).to.include(code);
      expect(res.status, where).to.equal(ERROR_STATUS[code]);
      expect(documentedCodes(method, url, res.status), where).to.include(code);
    }
  });

  it('should answer an unknown route in the catalogue', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/nothing-here');
    expect(res.status).to.equal(ERROR_STATUS.route_not_found);
    expect(res.body.error.code).to.equal('route_not_found');
  });

  it('should answer a method the route does not take with 405, the error body and Allow', async () => {
    // when the sign-in, which only takes POST, is asked with GET
    const res = await new ApiClient(server.baseUrl).fetchRaw('GET', '/api/auth/login');

    // then
    expect(res.status).to.equal(405);
    expect(res.headers.get('allow')).to.equal('POST');
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(body.error.code).to.equal('method_not_allowed');
    expect(body.error).to.have.keys(['code', 'message', 'details']);
  });

  it('should answer a method the server does not know with 501 and the error body', async () => {
    // when
    const res = await new ApiClient(server.baseUrl).fetchRaw('PROPFIND', '/api/auth/login');

    // then
    expect(res.status).to.equal(501);
    expect(res.headers.get('allow')).to.equal('POST');
    expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('not_implemented');
  });

  it('should list in OpenAPI, by status, the codes each route can answer', async () => {
    // when
    const claim = documentedCodes('POST', '/api/tasks/x/claim', 409);
    const login = documentedCodes('POST', '/api/auth/login', 401);

    // then the domain codes declared next to the route, and the generic ones its spec implies
    expect(claim).to.have.members(['task_closed', 'task_claimed']);
    expect(documentedCodes('POST', '/api/tasks/x/claim', 404)).to.deep.equal(['task_not_found']);
    expect(documentedCodes('POST', '/api/tasks/x/claim', 403)).to.include.members([
      'forbidden',
      'task_role_required',
    ]);
    expect(login).to.deep.equal(['invalid_credentials']);
    expect(documentedCodes('GET', '/api/me', 401)).to.deep.equal(['unauthenticated']);
  });
});
