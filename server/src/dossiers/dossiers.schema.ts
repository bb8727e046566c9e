import { DossierComment } from './dossier-comments.schema.js';
import { Type, type Static } from '@sinclair/typebox';
import { ProcedureCode } from '../procedures/procedures.schema.js';
import { DossierEvent } from './dossier-events.schema.js';
import { DossierAction } from './dossier-actions.js';
import { KeyParam } from '../http/params.schema.js';
import {
  Applicant,
  Channel,
  CollectedFee,
  NotifyChannel,
  ReceivedDocument,
  RecordedHandover,
} from '../db/dossier-content.schema.js';

export * from '../db/dossier-content.schema.js';

/** `{agency code}-{yyMMdd}-{NNNN}`, the sequence per agency per day. */
export const DossierCode = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}-[0-9]{6}-[0-9]{4,9}$' });

const Instant = Type.String({ format: 'date-time' });

/** A task someone can still work on, as a dossier lists it. */
export const OpenTask = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  elementId: Type.String(),
  departmentCodes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('claimed')]),
  assigneeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  createdAt: Instant,
  dueAt: Type.Union([Instant, Type.Null()]),
  returned: Type.Boolean({ description: 'the step was done before and a decision sent the work back to it' }),
  returnReason: Type.Union([Type.String(), Type.Null()], { description: 'why it came back' }),
});
export type OpenTask = Static<typeof OpenTask>;

/** A task a command opened: where the dossier went next. */
export const NextTask = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  departmentCodes: Type.Array(Type.String()),
});
export type NextTask = Static<typeof NextTask>;

export const DossierCodeParams = Type.Object({
  code: KeyParam('dossier_not_found', DossierCode.pattern!, { description: 'the dossier code' }),
});

export const ReceiveDossierBody = Type.Object(
  {
    procedureCode: ProcedureCode,
    applicant: Applicant,
    data: Type.Object(
      {},
      { additionalProperties: true, description: 'validated against the procedure form schema' },
    ),
    channel: Channel,
    documents: Type.Optional(Type.Array(ReceivedDocument, { maxItems: 100 })),
    fees: Type.Optional(
      Type.Array(CollectedFee, {
        maxItems: 50,
        description: "the procedure's fees, each at most once, with what the desk collected",
      }),
    ),
    notifyChannels: Type.Optional(
      Type.Array(NotifyChannel, {
        uniqueItems: true,
        description: 'sms needs applicant.phone, email needs applicant.email',
      }),
    ),
    departmentCode: Type.Optional(
      Type.String({ description: 'receiving department, when the receptionist has several' }),
    ),
  },
  { additionalProperties: false },
);
export type ReceiveDossierBody = Static<typeof ReceiveDossierBody>;

export const ReceivedDossier = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  lookupSecret: Type.String({
    description: 'only its hash is stored; a reprinted receipt shows the same secret again',
  }),
  status: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  nextTasks: Type.Array(NextTask, { description: 'the first steps the dossier was routed to' }),
});
export type ReceivedDossier = Static<typeof ReceivedDossier>;

export const ReceiptSecret = Type.Object({
  code: Type.String(),
  lookupSecret: Type.String({
    description:
      'the current secret (a reprint: the one the first receipt carries; a reissue: the new one, the previous one no longer works)',
  }),
});
export type ReceiptSecret = Static<typeof ReceiptSecret>;

export type DossierListQuery = Static<typeof DossierListQuery>;
export const DossierListQuery = Type.Object(
  {
    status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    procedure: Type.Optional(Type.String({ maxLength: 100 })),
    department: Type.Optional(Type.String({ maxLength: 100 })),
    overdue: Type.Optional(Type.Boolean()),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'code prefix or applicant name' }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export const DossierSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  procedureCode: Type.String(),
  applicantName: Type.String(),
  status: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  currentDepartments: Type.Array(Type.String()),
});
export type DossierSummary = Static<typeof DossierSummary>;

export const DossierPage = Type.Object({
  items: Type.Array(DossierSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type DossierPage = Static<typeof DossierPage>;

export const DossierDetail = Type.Intersect([
  DossierSummary,
  Type.Object({
    applicant: Applicant,
    data: Type.Record(Type.String(), Type.Unknown()),
    channel: Channel,
    documents: Type.Array(ReceivedDocument),
    notifyChannels: Type.Array(NotifyChannel),
    procedureVersion: Type.Integer(),
    resultHandover: Type.Union([RecordedHandover, Type.Null()], {
      description: 'how the result was handed over, once the step returning it is done',
    }),
    openTasks: Type.Array(OpenTask),
    events: Type.Array(DossierEvent),
    comments: Type.Array(DossierComment, {
      description: 'the thread: comments, and reasons given with decisions',
    }),
    actions: Type.Array(DossierAction, {
      description: 'what the viewer may do to the dossier now; the route of any other action refuses it',
    }),
  }),
]);
export type DossierDetail = Static<typeof DossierDetail>;

export const DeliverMessageBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'the bpmn:Message name the catch event waits for',
    }),
    data: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description: 'merged into the dossier data; validated against the form',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const MessageDelivered = Type.Object({
  code: Type.String(),
  message: Type.String(),
  dossierStatus: Type.Integer(),
  nextTasks: Type.Array(NextTask),
});
export type MessageDelivered = Static<typeof MessageDelivered>;
