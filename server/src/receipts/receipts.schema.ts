import { Type } from '@sinclair/typebox';
import { Applicant, ReceivedDocument } from '../dossiers/dossiers.schema.js';

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
    durationUnit: Type.Union([Type.Literal('days'), Type.Literal('hours')]),
  }),
  applicant: Applicant,
  documents: Type.Array(ReceivedDocument),
  notifyChannels: Type.Array(Type.String()),
  channel: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  receivedBy: Type.Union([Type.String(), Type.Null()]),
  lookupUrl: Type.String({ description: 'the citizen lookup page; the QR code adds ?code=&secret=' }),
});

export const ReceiptPdfBody = Type.Object(
  { secret: Type.String({ minLength: 1, maxLength: 60, description: 'the current lookup secret, printed on the receipt' }) },
  { additionalProperties: false },
);
