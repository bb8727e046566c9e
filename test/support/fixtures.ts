import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiClient } from './api-client.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Reads a fixture that sits next to the spec using it (`test/server/...`). */
export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(here, '..', 'server', relative), 'utf8');
}

/** One edit: what to find (a string: its first occurrence; a regular expression: as `replace` reads it) and what to put there. */
export type FixtureEdit = [pattern: string | RegExp, replacement: string];

/**
 * `text` with each edit applied in turn, as `String.replace` would; an edit whose pattern matches
 * nothing throws, so a fixture that changed under a spec fails it instead of being tested unedited.
 */
export function edited(text: string, ...edits: FixtureEdit[]): string {
  return edits.reduce((current, [pattern, replacement]) => {
    const found =
      typeof pattern === 'string'
        ? current.includes(pattern)
        : new RegExp(pattern.source, pattern.flags.replace('g', '')).test(current);
    if (!found) throw new Error(`fixture edit: ${String(pattern)} matches nothing`);
    return current.replace(pattern, replacement);
  }, text);
}

export const PERMIT_FORM = {
  type: 'object',
  required: ['area', 'purpose'],
  properties: {
    area: { type: 'number', title: 'Diện tích xây dựng (m²)', minimum: 1 },
    purpose: { type: 'string', title: 'Mục đích sử dụng', minLength: 2 },
    reviewNote: { type: 'string', title: 'Ý kiến thẩm định' },
  },
  additionalProperties: false,
};

/** Deploys the three-department test diagram as procedure `code` through the API. */
export async function deployThreeDepartments(designer: ApiClient, code: string) {
  const res = await designer.post('/api/procedures', {
    code,
    name: 'Thủ tục thử nghiệm ba phòng ban',
    duration: 5,
    formSchema: PERMIT_FORM,
    bpmn: readFixture('engine/three-departments.bpmn'),
  });
  if (res.status !== 201) throw new Error(`deploy failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export function intakeBody(procedureCode: string, data: Record<string, unknown>) {
  return {
    procedureCode,
    applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '001099012345', phone: '0912345678' },
    data,
    channel: 'in_person',
  };
}

/** Form data a household business registration (`dang-ky-ho-kinh-doanh`) is received with. */
export const HOUSEHOLD_BUSINESS = {
  businessName: 'Tạp hoá A',
  businessAddress: '12 Kim Mã',
  businessLines: 'Bán lẻ',
  capital: 1,
};

/** Receives a household business registration at the receptionist's first desk; answers its code. */
export async function receiveHouseholdBusiness(reception: ApiClient): Promise<string> {
  const res = await reception.post('/api/dossiers', intakeBody('dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS));
  if (res.status !== 201) throw new Error(`intake failed: ${JSON.stringify(res.body)}`);
  return res.body.code;
}
