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
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
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
        for (const [, media] of content) expect(media.schema, `${key} ${status}`).to.be.an('object');
      }
    }
  });

  it('should show a request body schema as the server checks it', () => {
    expect(
      doc.paths['/api/dossiers']!.post!.requestBody!.content['application/json']!.schema.required,
    ).to.include('applicant');
  });
});
