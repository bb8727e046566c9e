import { expect } from 'chai';
import type Router from '@koa/router';
import { createApp } from '../../../server/src/app.js';
import type { Db } from '../../../server/src/core/db.js';
import { buildOpenApi } from '../../../server/src/http/openapi.js';
import { noLiveUpdates } from '../../../server/src/realtime/live-updates.js';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

interface Operation {
  parameters: { name: string; in: string; schema: object }[];
  responses: Record<string, { content?: Record<string, { schema?: object; itemSchema?: object }> }>;
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
}

type OpenApi = ReturnType<typeof buildOpenApi> & { paths: Record<string, Record<string, Operation>> };

/** What the app's router mounts, as `METHOD /path/{param}`: the registry the document must match. */
function mountedOperations(): string[] {
  // Building the app queries nothing: the routes only keep the handle until a request comes.
  const app = createApp({
    db: {} as Db,
    live: noLiveUpdates,
    filesDir: '/nonexistent',
    publicUrl: null,
    trustProxy: false,
    clientDist: null,
    ops: { isDraining: () => false, metricsToken: null, production: false },
  });
  const router = app.middleware
    .map((fn) => (fn as { router?: Router }).router)
    .find((r): r is Router => r !== undefined)!;
  return router.stack
    .filter((layer) => layer.methods.length > 0)
    .flatMap((layer) =>
      layer.methods
        .filter((m) => m !== 'HEAD')
        .map((m) => `${m} ${String(layer.path).replace(/:(\w+)/g, '{$1}')}`),
    );
}

describe('The OpenAPI document', () => {
  let server: TestServer;
  let doc: OpenApi;

  before(async () => {
    server = await startTestServer();
    doc = (await new ApiClient(server.baseUrl).get<OpenApi>('/api/openapi.json')).body;
  });

  after(() => server.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        operation,
      })),
    );

  it('should describe exactly the operations the router mounts, in OpenAPI 3.1', () => {
    // given the operations the app mounts
    const mounted = mountedOperations();

    // then the document lists each once, and nothing else
    expect(doc.openapi).to.equal('3.1.0');
    expect(mounted).to.have.length.above(40);
    expect(operations().map((o) => o.key)).to.have.members(mounted);
  });

  it('should give every path parameter its schema and every operation a success answer', () => {
    for (const { key, path, operation } of operations()) {
      // then each {param} of the path is a required parameter with more than a bare string
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = operation.parameters.filter((p) => p.in === 'path');
      expect(
        inPath.map((p) => p.name),
        key,
      ).to.deep.equal(names);
      for (const p of inPath) expect(Object.keys(p.schema), `${key} {${p.name}}`).to.include('x-not-found');
      // and at least one 2xx answer, with a schema when it is JSON
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect(success.length, key).to.be.above(0);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const content = Object.entries(response.content ?? {});
        expect(content.length, `${key} ${status}`).to.be.above(0);
        // a sequence (JSON lines) declares the schema of one item
        for (const [, media] of content)
          expect(media.schema ?? media.itemSchema, `${key} ${status}`).to.be.an('object');
      }
    }
  });

  it('should show a request body schema as the server checks it', () => {
    expect(
      doc.paths['/api/dossiers']!.post!.requestBody!.content['application/json']!.schema.required,
    ).to.include('applicant');
  });

  it('should answer a malformed path parameter with the 404 its schema names', async () => {
    // given an admin and values no row can have
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const samples: [string, string, string, string][] = [
      [
        'DELETE',
        '/api/admin/calendar/holidays/abc',
        '/api/admin/calendar/holidays/{id}',
        'calendar_entry_not_found',
      ],
      [
        'POST',
        '/api/admin/users/not-a-uuid/deactivate',
        '/api/admin/users/{id}/deactivate',
        'user_not_found',
      ],
      [
        'GET',
        '/api/procedures/dang-ky-khai-sinh/versions/x',
        '/api/procedures/{code}/versions/{version}',
        'procedure_not_found',
      ],
      ['GET', '/api/procedures/Not_A_Code', '/api/procedures/{code}', 'procedure_not_found'],
      ['GET', '/api/validators/Applicant.js', '/api/validators/{name}.js', 'validator_not_found'],
      [
        'GET',
        '/api/attachments/urn:uuid:00000000-0000-0000-0000-000000000000',
        '/api/attachments/{id}',
        'attachment_not_found',
      ],
      ['GET', '/api/dossiers/not%20a%20code', '/api/dossiers/{code}', 'dossier_not_found'],
    ];
    for (const [method, url, template, code] of samples) {
      // when
      const res = await admin.request<{ error: { code: string } }>(method, url);

      // then the 404 with the code the document lists for that operation
      expect(res.status, url).to.equal(404);
      expect(res.body.error.code, url).to.equal(code);
      const documented = doc.paths[template]![method.toLowerCase()]!.responses['404'] as {
        'x-error-codes'?: string[];
      };
      expect(documented['x-error-codes'], url).to.include(code);
    }
  });
});
