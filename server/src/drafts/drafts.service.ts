import type { Db } from '../core/db.js';
import { validateBody } from '../http/validation.js';
import { findCurrentVersion } from '../procedures/procedures.repository.js';
import { CreateProcedureBody } from '../procedures/procedures.schema.js';
import { createProcedure, deployVersion, type VersionInput } from '../procedures/procedures.service.js';
import { deleteDraft, findDraft, refusal } from './drafts.repository.js';

/**
 * Deploys the draft at `revision` as the procedure's next immutable version (its first, when
 * it was never deployed), through the same checks as the procedures API, then closes it.
 * A 422 of the diagram or the form passes through unchanged, and the draft stays open.
 */
export async function deployDraft(db: Db, code: string, revision: number, userId: string) {
  // (1) the draft the designer saw, or why not (someone saved since, or it is gone)
  const draft = await findDraft(db, code);
  if (draft?.revision !== revision) throw await refusal(db, code);
  // (2) its facts checked as a POST /api/procedures body is: a draft is saved unfinished
  const { facts, formSchema, bpmn } = draft.content;
  const { name, duration, durationUnit, cutoff, metadata } = facts;
  const input: VersionInput = { bpmn, formSchema, name, duration, durationUnit, cutoff, metadata };
  validateBody(CreateProcedureBody, { code, ...input });
  // (3) deploy through the one path, which validates the diagram and writes the version
  const deployed = (await findCurrentVersion(db, code))
    ? await deployVersion(db, code, input, userId)
    : await createProcedure(db, code, input, userId);
  // (4) close the draft unless it was saved again meanwhile: those edits are not deployed
  await deleteDraft(db, code, revision);
  return deployed;
}
