import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { receiveHouseholdBusiness } from '../../support/fixtures.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function form(...files: { name: string; bytes: Buffer; type: string }[]): FormData {
  const body = new FormData();
  for (const f of files) body.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return body;
}

describe('attachments', () => {
  let server: TestServer;
  let reception: ApiClient;
  let code: string;

  before(async () => {
    server = await startTestServer();
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    code = await receiveHouseholdBusiness(reception);
  });

  after(() => server.close());

  it('should store PDF and image files under DATA_DIR/files and give back the same bytes', async () => {
    // when two files are uploaded in one request
    const res = await reception.postForm(
      `/api/dossiers/${code}/attachments`,
      form(
        { name: 'Giấy đề nghị.pdf', bytes: PDF, type: 'application/pdf' },
        { name: 'anh.png', bytes: PNG, type: 'image/png' },
      ),
    );

    // then both are listed with their real types and sizes, and download unchanged
    expect(res.status).to.equal(201);
    expect(res.body.map((a: any) => [a.fileName, a.contentType, a.size])).to.deep.equal([
      ['Giấy đề nghị.pdf', 'application/pdf', PDF.length],
      ['anh.png', 'image/png', PNG.length],
    ]);
    const list = await reception.get(`/api/dossiers/${code}/attachments`);
    expect(list.body).to.have.length(2);
    const download = await reception.fetchRaw('GET', `/api/attachments/${res.body[0].id}`);
    expect(download.headers.get('content-type')).to.equal('application/pdf');
    expect(download.headers.get('content-disposition')).to.contain(encodeURIComponent('Giấy đề nghị.pdf'));
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).to.equal(true);
    const stored = fs
      .readdirSync(path.join(server.dataDir, 'files'), { recursive: true })
      .filter((f) => !fs.statSync(path.join(server.dataDir, 'files', String(f))).isDirectory());
    expect(stored).to.have.length(2);
  });

  it('should refuse a file that is not a PDF or image whatever it claims to be, and keep nothing of it', async () => {
    const before = (await reception.get(`/api/dossiers/${code}/attachments`)).body.length;
    const res = await reception.postForm(
      `/api/dossiers/${code}/attachments`,
      form({ name: 'virus.pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf at all'), type: 'application/pdf' }),
    );
    expect(res.status).to.equal(415);
    expect(res.body.error.code).to.equal('unsupported_file_type');
    expect((await reception.get(`/api/dossiers/${code}/attachments`)).body).to.have.length(before);
  });

  it('should refuse a file over 10 MB with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const res = await reception.postForm(
      `/api/dossiers/${code}/attachments`,
      form({ name: 'big.pdf', bytes: big, type: 'application/pdf' }),
    );
    expect(res.status).to.equal(413);
    expect(res.body.error.code).to.equal('file_too_large');
  });

  it('should keep files from anonymous users and citizens', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    expect(
      (
        await anonymous.postForm(
          `/api/dossiers/${code}/attachments`,
          form({ name: 'a.pdf', bytes: PDF, type: 'application/pdf' }),
        )
      ).status,
    ).to.equal(401);
    expect((await anonymous.get(`/api/dossiers/${code}/attachments`)).status).to.equal(401);
    expect((await reception.get('/api/attachments/not-a-uuid')).status).to.equal(404);
  });
});
