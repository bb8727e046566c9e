import { expect } from 'chai';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CATALOGUE_DIR } from '../../../server/src/seed/seed-database.js';
import { CatalogueError, readProcedure } from '../../../server/src/procedures/catalogue-sync.js';

const copies: string[] = [];

/** A copy of a catalogue procedure in a temporary folder, with one file rewritten by `edit`. */
async function copyWith(code: string, file: string, edit: (json: any) => void): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-catalogue-'));
  copies.push(root);
  const folder = path.join(root, code);
  await fs.cp(path.join(CATALOGUE_DIR, code), folder, { recursive: true });
  const json = JSON.parse(await fs.readFile(path.join(folder, file), 'utf8'));
  edit(json);
  await fs.writeFile(path.join(folder, file), JSON.stringify(json));
  return folder;
}

async function readError(folder: string): Promise<Error> {
  try {
    await readProcedure(folder);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the catalogue folder to be refused');
}

describe('catalogue files', () => {
  after(() => Promise.all(copies.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

  it('should read every procedure of the catalogue with valid procedure.json and form.schema.json', async () => {
    // given the catalogue folders
    const folders = (await fs.readdir(CATALOGUE_DIR, { withFileTypes: true })).filter(
      (e) => e.isDirectory() && !e.name.startsWith('_'),
    );

    // when each is read
    const procedures = await Promise.all(folders.map((f) => readProcedure(path.join(CATALOGUE_DIR, f.name))));

    // then each has its metadata apart from the version fields
    for (const p of procedures) {
      expect(p.metadata).to.include.keys([
        'field',
        'agencyLevel',
        'fees',
        'documents',
        'onlineLevel',
        'resultType',
        'source',
      ]);
      expect(p.metadata).not.to.have.any.keys(['code', 'name', 'duration', 'durationUnit', 'cutoff']);
    }
  });

  it('should refuse a procedure.json that breaks its schema, naming the file and the field', async () => {
    // given a procedure.json with an unknown duration unit and a document without counts
    const folder = await copyWith('dang-ky-ho-kinh-doanh', 'procedure.json', (json) => {
      json.durationUnit = 'weeks';
      delete json.documents[0].originals;
    });

    // when
    const err = await readError(folder);

    // then
    expect(err).to.be.instanceOf(CatalogueError);
    expect(err.message).to.contain(path.join(folder, 'procedure.json'));
    expect(err.message).to.contain('/durationUnit');
    expect(err.message).to.contain('/documents/0/originals');
  });

  it('should refuse a form.schema.json whose field has no title, naming the file and the field', async () => {
    // given
    const folder = await copyWith('dang-ky-ho-kinh-doanh', 'form.schema.json', (json) => {
      delete json.properties.capital.title;
    });

    // when
    const err = await readError(folder);

    // then
    expect(err.message).to.contain(path.join(folder, 'form.schema.json'));
    expect(err.message).to.contain('/properties/capital/title');
  });

  it('should refuse a procedure.json whose code is not its folder name', async () => {
    const folder = await copyWith('dang-ky-ho-kinh-doanh', 'procedure.json', (json) => {
      json.code = 'ma-khac';
    });
    expect((await readError(folder)).message).to.contain('/code must equal the folder name');
  });
});
