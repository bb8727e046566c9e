import { Type, type Static } from '@sinclair/typebox';
import { KeyParam } from '../http/params.schema.js';
import { ProcedureCode } from '../procedures/procedures.schema.js';
import { DraftContent } from '../db/draft-content.schema.js';

export * from '../db/draft-content.schema.js';

export const DraftParams = Type.Object({ code: KeyParam('draft_not_found', ProcedureCode.pattern!) });

const Revision = Type.Integer({
  minimum: 0,
  maximum: 2_147_483_647,
  description: 'the revision the editor last saw; 0: there was none (a new draft)',
});

export const SaveDraftBody = Type.Object(
  { revision: Revision, content: DraftContent },
  { additionalProperties: false },
);
export type SaveDraftBody = Static<typeof SaveDraftBody>;

export const DeployDraftBody = Type.Object(
  { revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'the revision to deploy' }) },
  { additionalProperties: false },
);

const Designer = Type.Object({ username: Type.String(), fullName: Type.String() });

/** Who saved a draft last and when: the answer to a save, and the details of a 409 `draft_conflict`. */
export const SavedDraft = Type.Object({
  revision: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String({ description: 'full name of who saved it' }),
});
export type SavedDraft = Static<typeof SavedDraft>;

/** An open draft in the designer's list. */
export const DraftSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  baseVersion: Type.Union([Type.Integer(), Type.Null()], {
    description: 'the version current when the draft was begun; null: not deployed yet',
  }),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Designer,
});
export type DraftSummary = Static<typeof DraftSummary>;

export const Draft = Type.Object({ ...DraftSummary.properties, content: DraftContent });
export type Draft = Static<typeof Draft>;
