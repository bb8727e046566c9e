import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody, readFixture } from '../../support/fixtures.js';
import { linearRegExp } from '../../../server/src/http/linear-regexp.js';

// Under a backtracking engine, `^(a+)+$` against 30 a's and a "!" tries 2^30 ways before failing.
const EVIL = '^(a+)+$';
const ATTACK = `${'a'.repeat(30)}!`;

function formWith(purpose: object) {
  return {
    type: 'object',
    required: ['area', 'purpose'],
    properties: {
      area: { type: 'number', title: 'Diện tích', minimum: 1 },
      purpose: { type: 'string', title: 'Mục đích', ...purpose },
      reviewNote: { type: 'string', title: 'Ý kiến' },
    },
  };
}

describe('form schemas: patterns run in linear time', () => {
  let server: TestServer;
  let designer: ApiClient;
  let reception: ApiClient;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    ({ designer, reception } = await signIn(server.baseUrl, 'designer', 'reception'));
  });

  after(() => server.close());

  const deploy = (formSchema: object) =>
    designer.post('/api/procedures', {
      code: `mau-${++counter}`,
      name: 'Mẫu',
      duration: 5,
      formSchema,
      bpmn: readFixture('engine/three-departments.bpmn'),
    });

  it('should answer at once an intake that would backtrack for minutes on a nested quantifier', async () => {
    // given a procedure whose form has the pattern ^(a+)+$
    const deployed = await deploy(formWith({ pattern: EVIL }));
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);

    // when a dossier brings 30 a's and a "!", then one that matches
    const attacked = await reception.post(
      '/api/dossiers',
      intakeBody(deployed.body.code, { area: 10, purpose: ATTACK }),
    );
    const fine = await reception.post(
      '/api/dossiers',
      intakeBody(deployed.body.code, { area: 10, purpose: 'aaaa' }),
    );

    // then the first is refused naming the field and the second received
    expect(attacked.status).to.equal(422);
    expect(attacked.body.error.details.map((d: any) => d.path)).to.deep.equal(['/data/purpose']);
    expect(fine.status, JSON.stringify(fine.body)).to.equal(201);
  });

  it('should run patternProperties on the same engine', async () => {
    // given
    const deployed = await deploy({
      ...formWith({}),
      properties: {
        ...formWith({}).properties,
        extra: { type: 'object', title: 'Khác', patternProperties: { [EVIL]: { type: 'number' } } },
      },
    });
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);

    // when
    const res = await reception.post(
      '/api/dossiers',
      intakeBody(deployed.body.code, {
        area: 10,
        purpose: 'Nhà ở',
        extra: { [ATTACK]: 'not checked', aaa: 'x' },
      }),
    );

    // then only the key the pattern matches is checked
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: any) => d.path)).to.deep.equal(['/data/extra/aaa']);
  });

  it('should refuse at deploy a pattern RE2 cannot run in linear time, naming the form schema', async () => {
    // when lookbehind and a backreference are deployed
    const lookbehind = await deploy(formWith({ pattern: '(?<=a)b' }));
    const backreference = await deploy(formWith({ pattern: '^(a)\\1$' }));

    // then
    for (const res of [lookbehind, backreference]) {
      expect(res.status).to.equal(422);
      expect(res.body.error.code).to.equal('validation_failed');
      expect(res.body.error.details[0].path).to.equal('/formSchema');
    }
  });

  it('should match what JavaScript patterns mean: search anywhere, \\u escapes, Unicode classes', () => {
    // when
    const cases = [
      linearRegExp('b').test('abc'),
      linearRegExp('^\\u00e0$').test('à'),
      linearRegExp('^[\\p{L} ]+$').test('Nguyễn Văn A'),
      linearRegExp('^[0-9]{12}$').test('00109901234'),
    ];

    // then
    expect(cases).to.deep.equal([true, true, true, false]);
  });
});
