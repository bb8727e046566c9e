import { Type, type Static } from '@sinclair/typebox';
import {
  Applicant,
  Channel,
  CollectedFee,
  NotifyChannel,
  ReceivedDocument,
} from '../dossiers/dossiers.schema.js';
import { DurationUnit, ProcedureCode } from '../procedures/procedures.schema.js';
import { DossierAction } from '../dossiers/dossier-actions.js';

/** What the printed receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") shows, except the secret. */
export const ReceiptData = Type.Object({
  code: Type.String(),
  agency: Type.Object({ code: Type.String(), name: Type.String() }),
  department: Type.Object({ code: Type.String(), name: Type.String() }),
  procedure: Type.Object({
    code: Type.String(),
    name: Type.String(),
    version: Type.Integer(),
    duration: Type.Integer(),
    durationUnit: DurationUnit,
  }),
  applicant: Applicant,
  documents: Type.Array(ReceivedDocument),
  scans: Type.Array(
    Type.Object({ fileName: Type.String(), documentName: Type.Union([Type.String(), Type.Null()]) }),
    { description: 'the files attached, with the paper of the checklist each is a scan of' },
  ),
  fees: Type.Array(CollectedFee),
  feesCollected: Type.Integer({ description: 'the total of the fees collected at the desk, in đồng' }),
  notifyChannels: Type.Array(NotifyChannel),
  channel: Channel,
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  receivedBy: Type.Union([Type.String(), Type.Null()]),
  lookupUrl: Type.String({ description: 'the citizen lookup page; the QR code adds ?code=&secret=' }),
  actions: Type.Array(DossierAction, {
    description: 'what the viewer may do to the dossier now, as its detail lists (reprint, new secret)',
  }),
});
export type ReceiptData = Static<typeof ReceiptData>;

export const ReceiptPdfBody = Type.Object(
  {
    secret: Type.String({
      minLength: 1,
      maxLength: 60,
      description: 'the current lookup secret, printed on the receipt',
    }),
  },
  { additionalProperties: false },
);

export const PromisedDateQuery = Type.Object(
  {
    procedureCode: ProcedureCode,
    departmentCode: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'the desk receiving, when the receptionist has several; default their first',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The promised date intake would print on the receipt if the dossier were received now. */
export const PromisedDatePreview = Type.Object({
  procedureCode: Type.String(),
  departmentCode: Type.String(),
  agencyCode: Type.String({ description: 'whose calendar counts, and whose code the dossier gets' }),
  from: Type.String({ format: 'date-time', description: 'the instant counted from: now' }),
  dueAt: Type.String({ format: 'date-time' }),
});
export type PromisedDatePreview = Static<typeof PromisedDatePreview>;
