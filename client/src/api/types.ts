/** The API's shapes as the client reads them (see GET /api/openapi.json). */
export type Role = 'admin' | 'designer' | 'receptionist' | 'officer' | 'leader' | 'supervisor';

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  departments: { code: string; name: string; agencyCode: string }[];
}

export interface Department {
  code: string;
  name: string;
  agencyCode: string;
  agencyName: string | null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  currentVersion: number;
  duration: number;
  durationUnit: 'days' | 'hours';
  cutoff: string | null;
}

export interface StepSpec {
  id: string;
  name: string;
  departments: string[];
  role: Role | null;
  outcomes: string[];
  editableFields: string[] | null;
  status: number | null;
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  [key: string]: unknown;
}

export interface ProcedureDetail extends ProcedureSummary {
  formSchema: JsonSchema;
  metadata: Record<string, unknown>;
  steps: { userTasks: Record<string, StepSpec>; eventStatuses: Record<string, number> };
}

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
}

export type DocumentForm = 'original' | 'copy' | 'certified_copy';

export interface ReceivedDocument {
  name: string;
  form: DocumentForm;
  count: number;
}

export type NotifyChannel = 'sms' | 'email';

export interface ReceiveDossierBody {
  procedureCode: string;
  applicant: Applicant;
  data: Record<string, unknown>;
  channel: 'in_person' | 'online' | 'post';
  documents: ReceivedDocument[];
  notifyChannels: NotifyChannel[];
}

export interface ReceivedDossier {
  id: string;
  code: string;
  lookupSecret: string;
  status: number;
  receivedAt: string;
  dueAt: string;
}

export interface DossierSummary {
  id: string;
  code: string;
  procedureCode: string;
  applicantName: string;
  status: number;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  currentDepartments: string[];
}

export interface OpenTask {
  id: string;
  name: string;
  elementId: string;
  departmentCodes: string[];
  status: 'open' | 'claimed';
  assigneeId: string | null;
  createdAt: string;
  dueAt: string | null;
}

export interface DossierEvent {
  id: number;
  type: string;
  at: string;
  actorName: string | null;
  stepId: string | null;
  stepName: string | null;
  fromDepartment: string | null;
  toDepartments: string[] | null;
  outcome: string | null;
  details: Record<string, unknown> | null;
}

export interface DossierDetail extends DossierSummary {
  applicant: Applicant;
  data: Record<string, unknown>;
  channel: string;
  documents: ReceivedDocument[];
  notifyChannels: string[];
  procedureVersion: number;
  openTasks: OpenTask[];
  events: DossierEvent[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A step against its due time in working time (server-side): soon = within 1 working day. */
export type DueState = 'overdue' | 'soon' | 'ok' | 'paused' | 'none';

export interface InboxTask extends OpenTask {
  role: Role | null;
  outcomes: string[];
  due: { state: DueState; workingMinutesLeft: number | null };
  dossier: { code: string; procedureCode: string; applicantName: string; receivedAt: string; dueAt: string };
}

export interface CompletedTask {
  id: string;
  outcome: string | null;
  dossierStatus: number;
  nextTasks: { id: string; name: string; departmentCodes: string[] }[];
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string | null;
  createdAt: string;
}

export interface Receipt {
  code: string;
  agency: { code: string; name: string };
  department: { code: string; name: string };
  procedure: { code: string; name: string; version: number; duration: number; durationUnit: 'days' | 'hours' };
  applicant: Applicant;
  documents: ReceivedDocument[];
  receivedAt: string;
  dueAt: string;
  receivedBy: string | null;
  lookupUrl: string;
}

export interface LookupResult {
  code: string;
  procedureName: string;
  status: number;
  statusText: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  currentSteps: { name: string; departments: string[] }[];
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** GET /api/dossiers/:code/control-slip: every step with budget, working time used and result. */
export interface ControlSlip {
  code: string;
  procedureName: string;
  receivedAt: string;
  originalDueAt: string;
  dueAt: string;
  finishedAt: string | null;
  result: Timeliness | null;
  pauses: { startedAt: string; endedAt: string | null; pausedMinutes: number | null; reasons: string[] }[];
  extensions: { at: string; previousDueAt: string; newDueAt: string; reason: string; by: string }[];
  steps: ControlSlipStep[];
}

export interface ControlSlipStep {
  stepId: string;
  name: string;
  departments: string[];
  toDepartments: string[];
  sender: string | null;
  receivedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  budget: { amount: number; unit: 'days' | 'hours' } | null;
  usedMinutes: number | null;
  outcome: string | null;
  status: string;
  result: Timeliness | null;
}

export type PaperKind = 'supplement-request' | 'refusal' | 'apology';

/** What every standard paper heads with. */
export interface PaperBase {
  code: string;
  agency: { code: string; name: string };
  department: { code: string; name: string };
  procedure: { code: string; name: string };
  applicant: Applicant;
  receivedAt: string;
  issuedAt: string;
  officer: string | null;
}

export interface SupplementRequestPaper extends PaperBase {
  reasons: string[];
  items: string[];
  receivedBack: string | null;
}

export interface RefusalPaper extends PaperBase {
  stepName: string | null;
  reason: string;
}

export interface ApologyPaper extends PaperBase {
  originalDueAt: string;
  previousDueAt: string;
  newDueAt: string;
  reason: string;
}

export interface Papers {
  'supplement-request': SupplementRequestPaper;
  refusal: RefusalPaper;
  apology: ApologyPaper;
}
