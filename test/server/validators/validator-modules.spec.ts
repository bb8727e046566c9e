import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorObject } from 'ajv';
import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { AppError } from '../../../server/src/core/errors.js';
import { toProblems, validateBody } from '../../../server/src/http/validation.js';
import { validatorModule } from '../../../server/src/http/validator-module.js';
import { validateFormData, type StepCheck } from '../../../server/src/procedures/form-schemas.js';
import type { ProcedureDetail } from '../../../server/src/procedures/procedures.schema.js';
import { Applicant } from '../../../server/src/dossiers/dossiers.schema.js';
import {
  installValidatorRuntime,
  validatorRequire,
} from '../../../client/src/composables/validator-runtime.js';
import { invalidSamples, validSample, type FlatSchema } from './form-samples.js';

const PROCESSES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * The validator modules the browser imports: their `validate` is the server's own check, error
 * for error, on every procedure of the catalogue; the web client's runtime is the one installed.
 */
describe('validator modules for the web client', function () {
  this.timeout(60_000);
  let server: TestServer;
  let staff: ApiClient;
  let dir: string;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    staff = await ApiClient.as(server.baseUrl, 'tiepnhan');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-validators-'));
    installValidatorRuntime();
  });

  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await server?.close();
  });

  /** Imports a served module as the browser would: an ES module, with the client's runtime. */
  async function importModule(source: string, name: string): Promise<Validate> {
    const file = path.join(dir, `${name}.mjs`);
    fs.writeFileSync(file, source);
    return ((await import(pathToFileURL(file).href)) as { validate: Validate }).validate;
  }

  async function fetchModule(url: string): Promise<{ res: Response; validate: Validate }> {
    const res = await staff.fetchRaw('GET', url);
    expect(res.status, url).to.equal(200);
    const validate = await importModule(await res.text(), url.replace(/\W+/g, '-'));
    return { res, validate };
  }

  const procedures = fs
    .readdirSync(PROCESSES)
    .filter((name) => !name.startsWith('_') && fs.existsSync(path.join(PROCESSES, name, 'form.schema.json')));

  it('should cover every procedure of the catalogue', () => {
    expect(procedures.length).to.be.greaterThan(4);
  });

  for (const code of procedures) {
    it(`should give the server's errors for every step of ${code}, for each outcome`, async () => {
      // given the procedure as deployed from processes/, and each step that owns form fields
      const schema = JSON.parse(
        fs.readFileSync(path.join(PROCESSES, code, 'form.schema.json'), 'utf8'),
      ) as FlatSchema;
      const detail = (await staff.get(`/api/procedures/${code}`)).body as ProcedureDetail;
      expect(detail.formSchema).to.deep.equal(schema);
      const version = { checksum: `test:${code}`, formSchema: detail.formSchema };
      const checks: StepCheck[] = [
        { id: detail.steps.intake!.id, fields: detail.steps.intake!, outcome: null },
        ...Object.values(detail.steps.userTasks).flatMap((step) =>
          [null, ...step.outcomes].map((outcome) => ({ id: step.id, fields: step, outcome })),
        ),
      ];
      const valid = validSample(schema);
      const invalid = invalidSamples(schema, valid);
      for (const check of checks) {
        const query = check.outcome ? `?outcome=${check.outcome}` : '';
        const { validate } = await fetchModule(
          `/api/procedures/${code}/versions/${detail.currentVersion}/steps/${check.id}/validator.js${query}`,
        );
        let rejected = 0;
        for (const value of [valid, ...invalid]) {
          // when the module and the server validate it
          const ok = validate(value);
          // then they agree, error for error
          const label = `${code} ${check.id} ${check.outcome}: ${JSON.stringify(value)}`;
          expect(toProblems(validate.errors ?? [], '/data'), label).to.deep.equal(
            problemsOf(() => validateFormData(version, value, check)),
          );
          if (!ok) rejected++;
        }
        expect(validate(valid), `${code} ${check.id}: the valid sample`).to.equal(true);
        // (a sample may happen to satisfy a form without the rule it breaks, but not most of them)
        expect(rejected, `${code} ${check.id}: invalid samples rejected`).to.be.greaterThan(
          invalid.length - 4,
        );
      }
    });
  }

  it('should require at each step what it declares, for the outcome chosen', async () => {
    // given the household business registration: the intake requires the business name, the
    // leader's signature the certificate number, but only when signing
    const detail = (await staff.get('/api/procedures/dang-ky-ho-kinh-doanh')).body as ProcedureDetail;
    const base = `/api/procedures/dang-ky-ho-kinh-doanh/versions/${detail.currentVersion}/steps`;
    const intake = (await fetchModule(`${base}/${detail.steps.intake!.id}/validator.js`)).validate;
    const signing = (await fetchModule(`${base}/Task_sign/validator.js?outcome=sign`)).validate;
    const returning = (await fetchModule(`${base}/Task_sign/validator.js?outcome=return`)).validate;
    const filled = {
      businessName: 'Tạp hoá Bình An',
      businessAddress: '12 Kim Mã',
      businessLines: 'Bán lẻ',
      capital: 5,
    };
    // when / then: what a later step fills in is not asked at the desk
    expect(intake(filled)).to.equal(true);
    expect(intake({ ...filled, businessName: undefined })).to.equal(false);
    // and the certificate number is asked when signing, not when sending back
    expect(signing(filled)).to.equal(false);
    expect(signing.errors?.[0]?.params).to.deep.equal({ missingProperty: 'certificateNumber' });
    expect(signing({ ...filled, certificateNumber: 'HKD-01' })).to.equal(true);
    expect(returning(filled)).to.equal(true);
    // and an outcome the step does not have, or a step the version does not have, is refused
    const [unknownOutcome, unknownStep] = await Promise.all([
      staff.get(`${base}/Task_sign/validator.js?outcome=publish`),
      staff.get(`${base}/Task_nope/validator.js`),
    ]);
    expect(unknownOutcome.status).to.equal(422);
    expect(unknownStep.status).to.equal(404);
  });

  it("should give validateBody's errors for the applicant", async () => {
    // given
    const { validate } = await fetchModule('/api/validators/applicant.js');
    const values = [
      {
        fullName: 'Nguyễn Văn Bình',
        idNumber: '001099012345',
        phone: '+84 912.345-678',
        email: 'binh@example.vn',
      },
      {},
      { fullName: '', idNumber: '12-34', phone: 'gọi tôi', email: 'không phải thư', extra: true },
      { fullName: 'x'.repeat(201), idNumber: 1234567, address: '😀'.repeat(500) },
    ];
    for (const value of values) {
      // when
      const ok = validate(value);
      // then
      const problems = problemsOf(() => validateBody(Applicant, value));
      expect(ok, JSON.stringify(value)).to.equal(problems.length === 0);
      expect(toProblems(validate.errors ?? []), JSON.stringify(value)).to.deep.equal(problems);
    }
  });

  it('should run schemas that need ajv runtime helpers (equal for uniqueItems and const)', async () => {
    // given
    const schema = {
      type: 'object',
      properties: {
        tags: { type: 'array', uniqueItems: true, items: { type: 'object' } },
        fixed: { const: { a: [1] } },
      },
    };
    const validate = await importModule(validatorModule('test:equal', schema).source, 'equal');
    // when
    const ok = validate({ tags: [{ a: 1 }, { a: 1 }], fixed: { a: [2] } });
    // then
    expect(ok).to.equal(false);
    expect(validate.errors?.map((e) => e.keyword)).to.deep.equal(['uniqueItems', 'const']);
    expect(validate({ tags: [{ a: 1 }, { a: 2 }], fixed: { a: [1] } })).to.equal(true);
  });

  it('should name a runtime module the client does not provide', () => {
    expect(() => validatorRequire('ajv/dist/runtime/parseJson')).to.throw(
      /needs "ajv\/dist\/runtime\/parseJson"/,
    );
  });

  it('should answer JavaScript, cacheable by the browser only, and revalidate with a 304', async () => {
    // when
    const { res } = await fetchModule(
      '/api/procedures/dang-ky-ho-kinh-doanh/versions/1/steps/Task_review/validator.js',
    );
    const applicant = await staff.fetchRaw('GET', '/api/validators/applicant.js');
    // (node:http: fetch adds Cache-Control: no-cache to a conditional request, which forbids a 304)
    const again = await conditionalGet(`${server.baseUrl}/api/validators/applicant.js`, {
      ...staff.sessionHeaders(),
      'if-none-match': applicant.headers.get('etag')!,
    });
    // then
    expect(res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).to.equal('private, max-age=86400');
    expect(applicant.headers.get('cache-control')).to.equal('private, no-cache');
    expect(again).to.equal(304);
  });

  it('should refuse anonymous callers and answer 404 for what does not exist', async () => {
    // given
    const anonymous = new ApiClient(server.baseUrl);
    // when
    const answers = await Promise.all([
      anonymous.get('/api/procedures/dang-ky-ho-kinh-doanh/versions/1/steps/Task_review/validator.js'),
      anonymous.get('/api/validators/applicant.js'),
      staff.get('/api/procedures/khong-co/versions/1/steps/Task_review/validator.js'),
      staff.get('/api/procedures/dang-ky-ho-kinh-doanh/versions/999/steps/Task_review/validator.js'),
      staff.get('/api/validators/khong-co.js'),
      staff.get('/api/validators/constructor.js'),
    ]);
    // then
    expect(answers.map((a) => `${a.status} ${a.body?.error?.code}`)).to.deep.equal([
      '401 unauthenticated',
      '401 unauthenticated',
      '404 procedure_not_found',
      '404 procedure_not_found',
      '404 validator_not_found',
      '404 validator_not_found',
    ]);
  });
});

/** The problems a server-side validation throws (none when it passes). */
function problemsOf(check: () => void): unknown[] {
  try {
    check();
    return [];
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    return err.details as unknown[];
  }
}

/** The status of a GET sent with exactly these headers. */
function conditionalGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}
