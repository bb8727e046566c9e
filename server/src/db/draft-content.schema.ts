import { Type, type Static } from '@sinclair/typebox';
import { DurationUnit, FormSchema, ProcedureMetadata } from './procedure-content.schema.js';

// What a draft's `content` column holds: here, below every feature, because the Drizzle schema
// types the column with it. A draft may be unfinished, so only its shape is checked when it is
// saved; deploy checks it as the procedures API checks a deploy.

/** The diagram's size bound, as a deploy bounds it. */
const MAX_BPMN_CHARS = 2_000_000;

/** What procedure.json holds besides the diagram and the form: the facts a deploy carries. */
export const DraftFacts = Type.Object(
  {
    code: Type.String({ maxLength: 82 }),
    name: Type.String({ maxLength: 300 }),
    duration: Type.Integer({ minimum: 0, maximum: 3000 }),
    durationUnit: DurationUnit,
    cutoff: Type.Union([Type.String({ maxLength: 5 }), Type.Null()]),
    metadata: ProcedureMetadata,
  },
  { additionalProperties: false },
);
export type DraftFacts = Static<typeof DraftFacts>;

/** One draft of one procedure: the diagram, the form schema and the facts, as the editor holds them. */
export const DraftContent = Type.Object(
  {
    bpmn: Type.String({ minLength: 1, maxLength: MAX_BPMN_CHARS, description: 'BPMN 2.0 XML' }),
    formSchema: FormSchema,
    facts: DraftFacts,
  },
  { additionalProperties: false },
);
export type DraftContent = Static<typeof DraftContent>;
