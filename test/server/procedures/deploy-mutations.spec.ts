import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { mutated } from '../../support/bpmn-mutations.js';
import { openDatabase, type Database } from '../../../server/src/core/db.js';
import { createProcedure } from '../../../server/src/procedures/procedures.service.js';
import { AppError } from '../../../server/src/core/errors.js';

const CATALOGUE = path.resolve('processes');

interface CatalogueEntry {
  slug: string;
  bpmn: string;
  formSchema: object;
  duration: number;
  durationUnit: 'days' | 'hours';
}

const entries: CatalogueEntry[] = fs
  .readdirSync(CATALOGUE)
  .filter((slug) => !slug.startsWith('_'))
  .map((slug) => {
    const read = (file: string) => fs.readFileSync(path.join(CATALOGUE, slug, file), 'utf8');
    const procedure = JSON.parse(read('procedure.json')) as {
      duration: number;
      durationUnit?: 'days' | 'hours';
    };
    return {
      slug,
      bpmn: read('process.bpmn'),
      formSchema: JSON.parse(read('form.schema.json')) as object,
      duration: procedure.duration,
      durationUnit: procedure.durationUnit ?? 'days',
    };
  });

describe('deploy: every mutation of a catalogue diagram answers 201 or 4xx', () => {
  let server: TestServer;
  let database: Database;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    database = await openDatabase(server.databaseUrl, 2);
  });

  after(async () => {
    await database.close();
    await server.close();
  });

  const input = (entry: CatalogueEntry, bpmn: string) => ({
    name: entry.slug,
    duration: entry.duration,
    durationUnit: entry.durationUnit,
    formSchema: entry.formSchema,
    bpmn,
  });

  for (const entry of entries) {
    it(`should deploy or refuse with a 4xx every mutation of ${entry.slug}`, async () => {
      // given the catalogue diagram, mutated one to three times per case
      const outcomes = new Map<string, number>();

      // when each is deployed through the service the routes call
      await fc.assert(
        fc.asyncProperty(mutated(entry.bpmn), async ({ applied, xml }) => {
          let status = 201;
          try {
            await createProcedure(database.db, `dot-bien-${++counter}`, input(entry, xml), null);
          } catch (err) {
            // then nothing but a catalogue error comes out, and never a 5xx
            expect(err, `${applied.join(' + ')}: ${(err as Error).stack}`).to.be.instanceOf(AppError);
            status = (err as AppError).status;
            expect(status, `${applied.join(' + ')}: ${(err as Error).message}`).to.be.within(400, 499);
          }
          outcomes.set(String(status), (outcomes.get(String(status)) ?? 0) + 1);
        }),
        { numRuns: 60 },
      );
      expect([...outcomes.keys()]).to.include('422');
    });
  }

  it('should answer mutated diagrams over HTTP with 201 or 4xx, as new procedures and as new versions, and stay up', async () => {
    // given each catalogue diagram deployed once, to take new versions
    const designer = await ApiClient.as(server.baseUrl, 'thietke');
    const samples = entries.flatMap((entry) =>
      fc.sample(mutated(entry.bpmn), { numRuns: 2, seed: 7 }).map((m) => ({ entry, ...m })),
    );
    for (const entry of entries) {
      const first = await designer.post('/api/procedures', {
        code: `http-${entry.slug}`,
        ...input(entry, entry.bpmn),
      });
      expect(first.status, JSON.stringify(first.body)).to.equal(201);
    }

    // when
    for (const { entry, applied, xml } of samples) {
      const created = await designer.post('/api/procedures', {
        code: `http-dot-bien-${++counter}`,
        ...input(entry, xml),
      });
      const versioned = await designer.post(`/api/procedures/http-${entry.slug}/versions`, { bpmn: xml });

      // then
      for (const res of [created, versioned]) {
        expect(
          res.status === 201 || (res.status >= 400 && res.status < 500),
          `${applied.join(' + ')}: ${JSON.stringify(res.body)}`,
        ).to.equal(true);
      }
    }
    expect((await designer.get('/api/procedures')).status).to.equal(200);
  });
});
