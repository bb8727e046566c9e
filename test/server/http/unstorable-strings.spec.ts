import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { edited, intakeBody, PERMIT_FORM, readFixture } from '../../support/fixtures.js';
import { unstorableStrings } from '../../../server/src/http/validation.js';

// JSON texts written by hand: JSON.stringify would send the same escapes, but these show them.
const NUL = '\\u0000';
const LONE_HIGH = '\\ud800';
const LONE_LOW = '\\udc00';

describe('http: strings PostgreSQL cannot store are refused at the edge', () => {
  let server: TestServer;
  let reception: ApiClient;
  let designer: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, designer } = await signIn(server.baseUrl, 'reception', 'designer'));
  });

  after(() => server.close());

  function expectRefused(res: { status: number; body: any }, path: string) {
    expect(res.status, JSON.stringify(res.body)).to.equal(422);
    expect(res.body.error.code).to.equal('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.include(path);
  }

  it('should refuse a login name with NUL or half a surrogate pair, naming the field', async () => {
    // given
    const anonymous = new ApiClient(server.baseUrl);

    // when
    const withNul = await anonymous.post('/api/auth/login', `{"username":"tiep${NUL}nhan","password":"x"}`);
    const withSurrogate = await anonymous.post(
      '/api/auth/login',
      `{"username":"tiep${LONE_HIGH}","password":"x"}`,
    );

    // then
    expectRefused(withNul, '/username');
    expectRefused(withSurrogate, '/username');
  });

  it('should refuse a lookup code and a search text with NUL in the query string', async () => {
    // when
    const lookup = await new ApiClient(server.baseUrl).get('/api/public/lookup?code=QBD%00&secret=abc');
    const search = await reception.get('/api/dossiers?q=Nguy%E1%BB%85n%00');

    // then
    expectRefused(lookup, '/code');
    expectRefused(search, '/q');
  });

  it('should refuse a dossier code with NUL in the path', async () => {
    // when
    const res = await reception.get('/api/dossiers/QBD-261124-0001%00');

    // then
    expectRefused(res, '/code');
  });

  it('should refuse intake data with NUL or a lone surrogate anywhere, keys included', async () => {
    // given a valid intake whose data is then spoiled in three places
    const valid = JSON.stringify(
      intakeBody('dang-ky-ho-kinh-doanh', {
        businessName: 'A',
        businessAddress: '12 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 1,
      }),
    );
    const spoiled = edited(
      valid,
      ['"businessName":"A"', `"businessName":"A${NUL}"`],
      ['"businessLines":"Bán lẻ"', `"businessLines":"Bán lẻ${LONE_LOW}","x${LONE_HIGH}":1`],
    );

    // when
    const res = await reception.post('/api/dossiers', spoiled);

    // then every spoiled place is named, and no dossier was made
    expectRefused(res, '/data/businessName');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.include.members([
      '/data/businessLines',
      `/data/x\ud800`,
    ]);
    const list = await reception.get('/api/dossiers');
    expect(list.body.items).to.be.an('array').with.length(0);
  });

  it('should refuse a BPMN diagram with NUL in a deploy body', async () => {
    // given
    const bpmn = edited(readFixture('engine/three-departments.bpmn'), [
      '<bpmn:process',
      `<!-- \u0000 --><bpmn:process`,
    ]);

    // when
    const res = await designer.post('/api/procedures', {
      code: 'nul-bpmn',
      name: 'NUL',
      duration: 5,
      formSchema: PERMIT_FORM,
      bpmn,
    });

    // then
    expectRefused(res, '/bpmn');
  });

  it('should walk a body nested far deeper than any schema without overflowing the stack', () => {
    // given a 200,000-level array with a NUL at the bottom
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];

    // when
    const problems = unstorableStrings(deep);

    // then
    expect(problems).to.have.length(1);
    expect(problems[0]!.path.startsWith('/0/0/0')).to.equal(true);
  });

  it('should leave well-formed text alone, astral characters included', () => {
    // when
    const problems = unstorableStrings({ name: 'Nguyễn 𠀀 😀', list: ['ok', { 'ký tự': 'Đ' }] });

    // then
    expect(problems).to.deep.equal([]);
  });
});
