import { Type, type Static, type TObject } from '@sinclair/typebox';

const Instant = Type.String({ format: 'date-time' });
const problem = <K extends string, P extends TObject>(keyword: K, params: P) =>
  Type.Object({
    path: Type.Literal('/newDueAt'),
    message: Type.String(),
    keyword: Type.Literal(keyword),
    params,
  });

/**
 * Why a new promised date is refused: each problem of the 422 `validation_failed` on `/newDueAt`
 * names its rule in `keyword` and the instants behind it in `params`, so the browser says it in
 * the person's language (the `message` is English, for logs).
 */
export const NewDueAtProblem = Type.Union([
  problem('notAfterDueAt', Type.Object({ dueAt: Instant })),
  problem('notWorkingTime', Type.Object({ nextWorkingAt: Instant })),
  problem('beyondLegalDuration', Type.Object({ latest: Instant, days: Type.Integer() })),
]);
export type NewDueAtProblem = Static<typeof NewDueAtProblem>;
