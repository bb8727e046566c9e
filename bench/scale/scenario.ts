import type { Db } from '../../server/src/core/db.js';
import type { SessionUser } from '../../server/src/core/roles.js';
import type { Random } from './random.js';

/** Real parameters drawn from the archive, so every query asks for something that exists. */
export interface Sample {
  inboxDepartments: string[];
  receivingDepartments: string[];
  codes: string[];
  names: string[];
  months: string[];
  /** The province and its wards, as the agency tree has them. */
  province: string;
  wards: string[];
  /** Procedures of drawn dossiers: each as often as its share of the archive. */
  procedures: string[];
  /** Cursors of drawn lines of the national status feed. */
  cursors: string[];
}

export interface Scenario {
  name: string;
  /** The target for p95, in milliseconds. */
  targetP95: number;
  run(db: Db, sample: Sample, random: Random): Promise<unknown>;
}

/** An officer of one department, as the session middleware would hand the services. */
export function officerOf(department: string): SessionUser {
  const role = department.endsWith('.LD')
    ? 'leader'
    : department.endsWith('.MC')
      ? 'receptionist'
      : 'officer';
  return {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    fullName: 'Bench',
    roles: [role],
    departments: [{ code: department, name: department, agencyCode: department.split('.')[0]! }],
    agencies: [department.split('.')[0]!],
  };
}

/** A supervisor of the province: no department, every agency of its subtree (as the session has it). */
export function provinceSupervisor(sample: Sample): SessionUser {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    username: 'bench-supervisor',
    fullName: 'Bench',
    roles: ['supervisor'],
    departments: [],
    agencies: [sample.province, ...sample.wards],
  };
}
