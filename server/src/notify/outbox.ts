import { eq } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { clock } from '../core/clock.js';
import { notifications, procedureVersions, type Dossier } from '../db/schema.js';
import { renderNotice, type NoticeKind, type NoticeVars } from './messages.js';

export interface Recipient {
  channel: string;
  address: string;
}

/**
 * Queues a notice in the caller's transaction: it is sent if and only if the change that
 * caused it commits. The delivery job picks it up (with retries) after commit.
 */
export async function enqueueNotice(
  tx: Queryable,
  kind: NoticeKind,
  recipients: Recipient[],
  vars: NoticeVars,
  dossierId: string | null,
): Promise<void> {
  if (!recipients.length) return;
  const { subject, body } = renderNotice(kind, vars);
  // Due by the clock the delivery job compares with: PostgreSQL's now() counts microseconds and
  // can lie ahead of a millisecond clock read just after, leaving a fresh notice "not yet due".
  const nextAttemptAt = clock.now();
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      dossierId,
      kind,
      channel: r.channel,
      recipient: r.address,
      subject,
      body,
      nextAttemptAt,
    })),
  );
}

/** The citizen's channels as given at intake (SMS to the phone, e-mail to the address). */
export function citizenRecipients(dossier: Dossier): Recipient[] {
  const applicant = dossier.applicant as { phone?: string; email?: string };
  const list: Recipient[] = [];
  if (dossier.notifyChannels.includes('sms') && applicant.phone)
    list.push({ channel: 'sms', address: applicant.phone });
  if (dossier.notifyChannels.includes('email') && applicant.email)
    list.push({ channel: 'email', address: applicant.email });
  return list;
}

/** Tells the citizen of a dossier about a change, on the channels they chose. */
export async function noticeToCitizen(
  tx: Queryable,
  dossier: Dossier,
  kind: NoticeKind,
  extra: Partial<NoticeVars> = {},
) {
  const recipients = citizenRecipients(dossier);
  if (!recipients.length) return;
  const [version] = await tx
    .select({ name: procedureVersions.name })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  await enqueueNotice(
    tx,
    kind,
    recipients,
    { code: dossier.code, procedureName: version?.name ?? '', ...extra },
    dossier.id,
  );
}
