import { Type, type Static } from '@sinclair/typebox';
import { Applicant } from '../dossiers/dossiers.schema.js';

const Instant = Type.String({ format: 'date-time' });
const Named = Type.Object({ code: Type.String(), name: Type.String() });

/** What every paper heads with: who issues it, about which dossier, and for whom. */
const PaperBase = {
  code: Type.String(),
  agency: Named,
  department: Named,
  procedure: Named,
  applicant: Applicant,
  receivedAt: Instant,
  issuedAt: Type.String({ format: 'date-time', description: 'when the action behind the paper was taken' }),
  officer: Type.Union([Type.String(), Type.Null()], {
    description: 'who took the action and signs the paper',
  }),
};
export type PaperBase = Static<ReturnType<typeof Type.Object<typeof PaperBase>>>;

/** "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": the latest supplement request of the dossier. */
export const SupplementRequestPaper = Type.Object({
  ...PaperBase,
  reasons: Type.Array(Type.String()),
  items: Type.Array(Type.String()),
  receivedBack: Type.Union([Instant, Type.Null()], { description: 'when the supplement arrived, if it has' }),
});

/** "Phiếu từ chối tiếp nhận, giải quyết hồ sơ": why a refused dossier (status 3) was refused. */
export const RefusalPaper = Type.Object({
  ...PaperBase,
  stepName: Type.Union([Type.String(), Type.Null()], { description: 'the step that decided the refusal' }),
  reason: Type.String(),
});

/** "Phiếu xin lỗi và hẹn lại ngày trả kết quả": the latest extension of the promised date. */
export const ApologyPaper = Type.Object({
  ...PaperBase,
  originalDueAt: Type.String({ format: 'date-time', description: 'the date promised on the receipt' }),
  previousDueAt: Type.String({ format: 'date-time', description: 'the date this apology replaces' }),
  newDueAt: Instant,
  reason: Type.String(),
});
export type SupplementRequestPaper = Static<typeof SupplementRequestPaper>;
export type RefusalPaper = Static<typeof RefusalPaper>;
export type ApologyPaper = Static<typeof ApologyPaper>;

/** The papers by the last segment of their path, /api/dossiers/:code/papers/<kind>. */
export interface Papers {
  'supplement-request': SupplementRequestPaper;
  refusal: RefusalPaper;
  apology: ApologyPaper;
}
export type PaperKind = keyof Papers;
