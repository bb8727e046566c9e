import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { receiveHouseholdBusiness } from '../../support/fixtures.js';
import { abandonedPost, rawPost } from '../../support/raw-http.js';
import { waitFor } from '../../support/wait-for.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const BOUNDARY = 'XX';

function part(name: string, fileName: string | null, bytes: Buffer): Buffer {
  const disposition = `form-data; name="${name}"${fileName === null ? '' : `; filename="${fileName}"`}`;
  const type = fileName === null ? '' : '\r\nContent-Type: application/pdf';
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
    bytes,
    Buffer.from('\r\n'),
  ]);
}

function multipart(parts: Buffer[]): Buffer {
  return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

/** Files under DATA_DIR/files, folders left out. */
function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(root, f)).isFile());
}

const aPart = fc.oneof(
  fc.constant(part('file', 'a.pdf', PDF)),
  fc.constant(part('file', 'x.pdf', Buffer.from('MZ not a pdf'))),
  fc.constant(part('note', null, Buffer.from('ghi chú'))),
  fc.constant(part('other', 'b.pdf', PDF)),
  fc
    .uint8Array({ maxLength: 40 })
    .map((bytes) => part('file', 'c.pdf', Buffer.concat([PDF.subarray(0, 8), Buffer.from(bytes)]))),
);

/** A well-formed body, then cut, overwritten in places or spliced with garbage. */
const garbledBody = fc
  .tuple(
    fc.array(aPart, { minLength: 1, maxLength: 3 }),
    fc.nat(),
    fc.nat(),
    fc.uint8Array({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('cut', 'overwrite', 'splice', 'cut-and-garble'),
  )
  .map(([parts, a, b, garbage, how]) => {
    const body = multipart(parts);
    const at = a % body.length;
    const junk = Buffer.from(garbage);
    if (how === 'cut') return body.subarray(0, at);
    if (how === 'overwrite')
      return Buffer.concat([
        body.subarray(0, at),
        junk,
        body.subarray(Math.min(body.length, at + junk.length)),
      ]);
    if (how === 'splice') return Buffer.concat([body.subarray(0, at), junk, body.subarray(at)]);
    return Buffer.concat([body.subarray(0, Math.max(at, b % body.length)), junk]);
  });

const contentType = fc.constantFrom(
  `multipart/form-data; boundary=${BOUNDARY}`,
  `multipart/form-data; boundary=${BOUNDARY}`,
  `multipart/form-data; boundary=${BOUNDARY}`,
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=YY',
  'multipart/form-data; boundary="XX',
);

describe('attachments: malformed multipart bodies', () => {
  let server: TestServer;
  let reception: ApiClient;
  let code: string;

  before(async () => {
    server = await startTestServer();
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    code = await receiveHouseholdBusiness(reception);
  });

  after(() => server.close());

  it('should answer 400 invalid_multipart to a body that ends inside a file, keep no file and stay up', async () => {
    // given a file part whose body stops right after its first bytes
    const cut = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
    );

    // when it is posted as a complete HTTP request
    const res = await rawPost(
      server.baseUrl,
      `/api/dossiers/${code}/attachments`,
      { ...reception.sessionHeaders(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      cut,
    );

    // then the answer is a 400 with the catalogue code, nothing is stored and the server answers
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('invalid_multipart');
    expect(storedFiles(server.dataDir)).to.deep.equal([]);
    expect((await reception.get(`/api/dossiers/${code}/attachments`)).body).to.deep.equal([]);
  });

  it('should answer 400 to a multipart request without a boundary', async () => {
    // when
    const res = await rawPost(
      server.baseUrl,
      `/api/dossiers/${code}/attachments`,
      { ...reception.sessionHeaders(), 'content-type': 'multipart/form-data' },
      part('file', 'a.pdf', PDF),
    );

    // then
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('invalid_multipart');
  });

  it('should answer every cut or garbled body with 201 or 4xx and keep on disk exactly the files it lists', async () => {
    // given
    const headers = reception.sessionHeaders();
    const statuses = new Set<number>();

    // when many bodies are sent, in one write or several, complete or dropped by the client midway
    await fc.assert(
      fc.asyncProperty(
        garbledBody,
        contentType,
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        async (body, type, abandon, pieces) => {
          if (abandon && body.length > 1) {
            await abandonedPost(
              server.baseUrl,
              `/api/dossiers/${code}/attachments`,
              { ...headers, 'content-type': type },
              body.subarray(0, body.length >> 1),
              body.length,
            );
            return;
          }
          const res = await rawPost(
            server.baseUrl,
            `/api/dossiers/${code}/attachments`,
            { ...headers, 'content-type': type },
            body,
            pieces,
          );
          statuses.add(res.status);
          expect(
            res.status === 201 || (res.status >= 400 && res.status < 500),
            `status ${res.status}: ${JSON.stringify(res.body)}`,
          ).to.equal(true);
          if (res.status !== 201) expect(res.body.error.code).to.be.a('string');
        },
      ),
      { numRuns: 150 },
    );

    // then the server still answers, and every file on disk belongs to a listed attachment once
    // the last dropped uploads are cleaned up (the server removes a partial file when it sees the
    // client gone, which on a loaded machine can come after the next request)
    const list = await reception.get(`/api/dossiers/${code}/attachments`);
    expect(list.status).to.equal(200);
    expect(statuses.has(400)).to.equal(true);
    await waitFor('the dropped uploads’ partial files to be removed', async () =>
      storedFiles(server.dataDir).length === list.body.length ? true : undefined,
    );
  });
});
