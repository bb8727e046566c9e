import { Type, type Static } from '@sinclair/typebox';
import { ProcedureCode } from '../procedures/procedures.schema.js';
import { NextTask, OpenTask } from '../tasks/tasks.schema.js';
import { DossierEvent } from './dossier-events.schema.js';
import { KeyParam } from '../http/params.schema.js';

/** `{agency code}-{yyMMdd}-{NNNN}`, the sequence per agency per day. */
export const DossierCode = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}-[0-9]{6}-[0-9]{4,9}$' });

export const DossierCodeParams = Type.Object({
  code: KeyParam('dossier_not_found', DossierCode.pattern!, { description: 'the dossier code' }),
});

export const Applicant = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 200 }),
    idNumber: Type.String({ pattern: '^[0-9A-Za-z]{6,20}$', description: 'CCCD / passport number' }),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export const Channel = Type.Union([Type.Literal('in_person'), Type.Literal('online'), Type.Literal('post')]);
export type Channel = Static<typeof Channel>;

/** Original, copy or certified copy: how a paper was handed in. */
export const DocumentForm = Type.Union([
  Type.Literal('original'),
  Type.Literal('copy'),
  Type.Literal('certified_copy'),
]);
export type DocumentForm = Static<typeof DocumentForm>;

/** One line of the required-documents checklist as the receptionist ticked it. */
export const ReceivedDocument = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    form: DocumentForm,
    count: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type ReceivedDocument = Static<typeof ReceivedDocument>;

export const NotifyChannel = Type.Union([Type.Literal('sms'), Type.Literal('email')]);
export type NotifyChannel = Static<typeof NotifyChannel>;

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
  lookupSecret: Type.String({ description: 'shown once; only its hash is stored' }),
  status: Type.Integer(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  nextTasks: Type.Array(NextTask, { description: 'the first steps the dossier was routed to' }),
});
export type ReceivedDossier = Static<typeof ReceivedDossier>;

export const ReceiptSecret = Type.Object({
  code: Type.String(),
  lookupSecret: Type.String({ description: 'the new secret; the previous one no longer works' }),
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
    openTasks: Type.Array(OpenTask),
    events: Type.Array(DossierEvent),
  }),
]);
export type DossierDetail = Static<typeof DossierDetail>;

export const LookupQuery = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60 }),
    secret: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false },
);

export const LookupResult = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  status: Type.Integer(),
  statusText: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  currentSteps: Type.Array(Type.Object({ name: Type.String(), departments: Type.Array(Type.String()) })),
});
export type LookupResult = Static<typeof LookupResult>;

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
