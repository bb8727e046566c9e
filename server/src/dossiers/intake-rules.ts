import type { Static } from '@sinclair/typebox';
import type { ProcedureVersion } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/working-time.js';
import type { CollectedFee, ReceiveDossierBody } from './dossiers.schema.js';

// The rules intake checks and computes by, apart from the command that runs them, so the desk's
// promised-date preview uses the very same ones.

/** The promised return date: the legal duration in working time from receipt, after the cut-off from the next day. */
export function promisedDate(version: ProcedureVersion, receivedAt: Date, calendar: WorkingCalendar): Date {
  return addWorkingTime(
    receivedAt,
    version.duration,
    version.durationUnit,
    calendar,
    version.cutoff ? { cutoff: version.cutoff } : {},
  );
}

export function checkNotifyChannels(input: Static<typeof ReceiveDossierBody>): void {
  const problems = [];
  if (input.notifyChannels?.includes('sms') && !input.applicant.phone)
    problems.push({ path: '/applicant/phone', message: 'is needed for SMS notifications' });
  if (input.notifyChannels?.includes('email') && !input.applicant.email)
    problems.push({ path: '/applicant/email', message: 'is needed for e-mail notifications' });
  if (problems.length) throw errors.validation(problems);
}

/** Fees are those `procedure.json` lists, each once: a typed name would make a fee no law sets. */
export function checkFees(version: ProcedureVersion, fees: Static<typeof CollectedFee>[]): void {
  const listed = new Set((version.metadata.fees ?? []).map((f) => f.name));
  const seen = new Set<string>();
  const problems = fees.flatMap((fee, i) => {
    const problem = !listed.has(fee.name)
      ? 'is not a fee of this procedure'
      : seen.has(fee.name)
        ? 'is listed twice'
        : null;
    seen.add(fee.name);
    return problem ? [{ path: `/fees/${i}/name`, message: problem }] : [];
  });
  if (problems.length) throw errors.validation(problems);
}

export function receivingDepartment(actor: SessionUser, code: string | undefined) {
  const department = code ? actor.departments.find((d) => d.code === code) : actor.departments[0];
  if (!department) {
    throw code
      ? errors.notInDepartment(`You do not belong to department ${code}`)
      : errors.notInDepartment('You belong to no department, so you cannot receive dossiers');
  }
  return department;
}
