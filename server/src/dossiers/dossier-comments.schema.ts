import { Type, type Static } from '@sinclair/typebox';

/** One entry of a dossier's thread: a comment, or the reason given with a decision. */
export const DossierComment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('comment'), Type.Literal('reason')]),
  authorName: Type.String(),
  stepId: Type.Union([Type.String(), Type.Null()]),
  stepName: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.String(), Type.Null()]),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type DossierComment = Static<typeof DossierComment>;

export const PostCommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
    /** The open task the comment is written at, if any: it names the step. */
    taskId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type PostCommentBody = Static<typeof PostCommentBody>;

/** What a completion may say beside its outcome; required for outcomes that send work back or refuse. */
export const DecisionReason = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' });
