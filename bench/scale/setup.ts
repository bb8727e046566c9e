import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../server/src/core/db.js';
import {
  agencies,
  departments,
  userDepartments,
  users,
  type ProcedureVersion,
} from '../../server/src/db/schema.js';
import { createProcedure } from '../../server/src/procedures/procedures.service.js';
import type { ProcedureSteps } from '../../server/src/engine/bpmn-inspection.js';
import {
  AGENCIES,
  DEPARTMENT_KINDS,
  PROCEDURES,
  PROVINCE,
  agencyOfProcedure,
  departmentCode,
  slug,
  type Agency,
  type DepartmentKind,
  type ProcedureSpec,
} from './catalogue.js';
import { randomApplicant } from './people.js';
import type { Random } from './random.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE_DIAGRAM = path.join(root, 'processes/dang-ky-ho-kinh-doanh/process.bpmn');

/** A deployed procedure with what the generator needs to make its dossiers. */
export interface ArchiveProcedure {
  spec: ProcedureSpec;
  agency: Agency;
  version: ProcedureVersion;
  steps: ProcedureSteps;
}

export interface Archive {
  procedures: ArchiveProcedure[];
  /** User ids of each department's staff, to sign events and claim tasks. */
  staff: Map<string, { id: string; fullName: string }[]>;
}

const FORM_SCHEMA = {
  type: 'object',
  required: ['noiDung'],
  properties: {
    noiDung: { type: 'string', title: 'Nội dung yêu cầu', minLength: 3 },
    diaChi: { type: 'string', title: 'Địa chỉ liên quan' },
    soBanSao: { type: 'integer', title: 'Số bản sao', minimum: 0 },
    reviewNote: { type: 'string', title: 'Ý kiến thẩm định' },
    certificateNumber: { type: 'string', title: 'Số văn bản kết quả' },
  },
  additionalProperties: false,
};

/** Creates the 40 departments, their staff and the 30 procedures through the real deploy path. */
export async function setUpArchive(db: Db, random: Random): Promise<Archive> {
  const staff = await createOrganisation(db, random);
  const base = await fs.readFile(BASE_DIAGRAM, 'utf8');
  const procedures: ArchiveProcedure[] = [];
  for (const [index, spec] of PROCEDURES.entries()) {
    const agency = agencyOfProcedure(index);
    const version = await createProcedure(
      db,
      slug(spec.name),
      {
        name: spec.name,
        duration: spec.durationDays,
        durationUnit: 'days',
        formSchema: FORM_SCHEMA,
        bpmn: variantOf(base, spec, agency),
      },
      null,
    );
    procedures.push({ spec, agency, version, steps: version.steps as ProcedureSteps });
  }
  return { procedures, staff };
}

/**
 * The agency tree the reports walk: the province and its wards. Idempotent, so an archive kept
 * from before the tree existed gets it when it is reused.
 */
export async function placeAgencies(db: Db): Promise<void> {
  await db.insert(agencies).values(PROVINCE).onConflictDoNothing();
  await db
    .insert(agencies)
    .values(AGENCIES.map((a) => ({ ...a, parentCode: PROVINCE.code })))
    .onConflictDoNothing();
}

async function createOrganisation(db: Db, random: Random) {
  await placeAgencies(db);
  const kinds = Object.keys(DEPARTMENT_KINDS) as DepartmentKind[];
  await db.insert(departments).values(
    AGENCIES.flatMap((agency) =>
      kinds.map((kind) => ({
        code: departmentCode(agency, kind),
        name: DEPARTMENT_KINDS[kind],
        agencyCode: agency.code,
        agencyName: agency.name,
      })),
    ),
  );
  const staff = new Map<string, { id: string; fullName: string }[]>();
  const rows = AGENCIES.flatMap((agency) =>
    kinds.flatMap((kind) =>
      Array.from({ length: kind === 'LD' ? 2 : 4 }, (_, i) => ({
        id: random.uuid(),
        username: `${agency.code}.${kind}.${i + 1}`.toLowerCase(),
        // Not an argon2 hash: bench staff exist to sign events and hold tasks, never to sign in.
        passwordHash: '!bench',
        fullName: randomApplicant(random, agency.name).fullName,
        roles: [kind === 'MC' ? 'receptionist' : kind === 'LD' ? 'leader' : 'officer'],
        department: departmentCode(agency, kind),
      })),
    ),
  );
  await db.insert(users).values(rows.map(({ department: _d, ...user }) => user));
  await db.insert(userDepartments).values(rows.map((u) => ({ userId: u.id, departmentCode: u.department })));
  for (const u of rows)
    staff.set(u.department, [...(staff.get(u.department) ?? []), { id: u.id, fullName: u.fullName }]);
  return staff;
}

/**
 * The catalogue's reception → review → sign → return diagram, renamed for the procedure, its
 * lanes moved to the ward's departments and its step budgets shared out of the legal duration.
 */
function variantOf(xml: string, spec: ProcedureSpec, agency: Agency): string {
  const hours = (share: number) => `${Math.round(spec.durationDays * 8 * share * 10) / 10}h`;
  return (
    xml
      .replaceAll('Đăng ký thành lập hộ kinh doanh', spec.name)
      .replaceAll('Ký Giấy chứng nhận đăng ký hộ kinh doanh', 'Ký duyệt kết quả')
      .replaceAll('Phòng Tài chính – Kế hoạch', DEPARTMENT_KINDS[spec.handler])
      .replace('mc:department="MC"', `mc:department="${departmentCode(agency, 'MC')}"`)
      .replace('mc:department="TCKH"', `mc:department="${departmentCode(agency, spec.handler)}"`)
      .replace('mc:department="LD"', `mc:department="${departmentCode(agency, 'LD')}"`)
      .replace('mc:budget="1.5d"', `mc:budget="${hours(0.5)}"`)
      .replace('mc:budget="1d"', `mc:budget="${hours(0.3)}"`)
      .replace('mc:budget="0.5d"', `mc:budget="${hours(0.2)}"`)
      // The desk takes in this archive's form, not the household business's.
      .replace(
        /(id="Start_received"[^>]*) mc:editableFields="[^"]*" mc:requiredFields="[^"]*"/,
        '$1 mc:editableFields="noiDung,diaChi,soBanSao" mc:requiredFields="noiDung"',
      )
  );
}
