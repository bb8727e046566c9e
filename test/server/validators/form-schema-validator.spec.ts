import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { toProblems } from '../../../server/src/http/validation.js';
import { formSchemaProblems } from '../../../server/src/procedures/catalogue-schemas.js';
import { installValidatorRuntime } from '../../../client/src/composables/validator-runtime.js';

const PROCESSES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The rules for a form itself (form.schema.schema.json), as the modeler's form editor checks them. */
describe('validator module: the rules of a form schema', function () {
  this.timeout(60_000);
  let server: TestServer;
  let validate: Validate;
  let dir: string;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-form-rules-'));
    installValidatorRuntime();
    // given the module a designer's browser imports, loaded as an ES module with the client's runtime
    const designer = await ApiClient.as(server.baseUrl, 'thietke');
    const res = await designer.fetchRaw('GET', '/api/validators/form-schema.js');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/javascript/);
    const file = path.join(dir, 'form-schema.mjs');
    fs.writeFileSync(file, await res.text());
    validate = ((await import(pathToFileURL(file).href)) as { validate: Validate }).validate;
  });

  after(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  const catalogue = fs
    .readdirSync(PROCESSES)
    .filter((name) => !name.startsWith('_') && fs.existsSync(path.join(PROCESSES, name, 'form.schema.json')))
    .map(
      (name) => JSON.parse(fs.readFileSync(path.join(PROCESSES, name, 'form.schema.json'), 'utf8')) as object,
    );

  const broken: unknown[] = [
    { type: 'object', properties: {} },
    { type: 'array', properties: { a: { title: 'A' } } },
    { type: 'object', properties: { a: { type: 'string' }, b: { title: '' } } },
    { type: 'object', title: '', properties: { a: { title: 'A', properties: { x: { type: 'string' } } } } },
    { properties: { 'a/b': { type: 'number' } } },
  ];

  it('should pass every form of the catalogue', () => {
    expect(catalogue.length).to.be.greaterThan(4);
    for (const form of catalogue) expect(validate(form), JSON.stringify(validate.errors)).to.equal(true);
  });

  it("should give the server's problems for broken forms, problem for problem", () => {
    for (const form of broken) {
      // when the module and the server check it
      const ok = validate(form);
      // then both refuse it with the same problems
      expect(ok, JSON.stringify(form)).to.equal(false);
      expect(toProblems(validate.errors ?? []), JSON.stringify(form)).to.deep.equal(formSchemaProblems(form));
    }
  });

  it('should name a missing title at the field, as the editor places it', () => {
    // when a field has no title
    validate({ type: 'object', properties: { contactPhone: { type: 'string' } } });
    // then the error points into that field
    expect(validate.errors?.map((e) => [e.keyword, e.instancePath])).to.deep.equal([
      ['required', '/properties/contactPhone'],
    ]);
  });
});
