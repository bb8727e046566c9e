import { statusOf, type ErrorCode } from './error-codes.js';
import { MIN_PASSWORD_LENGTH, type PasswordRule } from './password-policy.js';

export { ERROR_CODES, ERROR_STATUS, statusOf, type ErrorCode } from './error-codes.js';

/**
 * Every error the API answers with. Domain code names only the catalogue `code`; the HTTP
 * status comes from the catalogue, so no service writes a number. The message is for a person
 * (and the logs) and says what to fix; clients show their own text for the code.
 */
export class AppError extends Error {
  readonly expose = true;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    /** Response headers the error needs (Retry-After on a 429 or 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = statusOf(code);
  }
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** A 429 or 503 that says when to come back, in the header and in `details` for the client. */
function retryLater(code: ErrorCode, message: string, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(code, message, { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
}

/** The request itself: its shape, its size, its type, its route. */
const requestErrors = {
  badRequest: (message: string) => new AppError('bad_request', message),
  invalidJson: (message: string) =>
    new AppError('invalid_json', `Request body is not valid JSON: ${message}`),
  invalidMultipart: (reason: string) =>
    new AppError(
      'invalid_multipart',
      `The upload is not a complete multipart/form-data body (${reason}); send the files again`,
    ),
  invalidIdempotencyKey: () =>
    new AppError('invalid_idempotency_key', 'Idempotency-Key must be 1–200 visible ASCII characters'),
  noFile: () => new AppError('no_file', 'No file in the field "file"'),
  tooManyFiles: (limit: number) => new AppError('too_many_files', `At most ${limit} files at a time`),
  payloadTooLarge: (limit: string) =>
    new AppError('payload_too_large', `Request body is larger than the limit of ${limit}`),
  fileTooLarge: (fileName: string, limitBytes: number) =>
    new AppError('file_too_large', `${fileName} is larger than ${Math.round(limitBytes / 1048576)} MB`),
  unsupportedMediaType: (expected: string) =>
    new AppError('unsupported_media_type', `The request body must be ${expected}`),
  unsupportedFile: (fileName: string) =>
    new AppError('unsupported_file_type', `${fileName} is not a PDF, PNG or JPEG file`),
  validation: (problems: FieldProblem[], message = 'Request is invalid') =>
    new AppError('validation_failed', message, problems),
  idempotencyKeyReused: () =>
    new AppError(
      'idempotency_key_reused',
      'This Idempotency-Key was used for another request; use a new key for a new request',
    ),
  routeNotFound: (method: string, path: string) =>
    new AppError('route_not_found', `No route for ${method} ${path}`),
  methodNotAllowed: (method: string, allow: string) =>
    new AppError(
      'method_not_allowed',
      `${method} is not allowed here; use ${allow}`,
      { allow },
      { Allow: allow },
    ),
  notImplemented: (method: string, allow: string) =>
    new AppError('not_implemented', `The server does not implement ${method}`, { allow }, { Allow: allow }),
  internal: () => new AppError('internal', 'Internal server error'),
};

/** Who is asking, and whether they may. */
const callerErrors = {
  unauthenticated: () => new AppError('unauthenticated', 'Sign in first'),
  invalidCredentials: () => new AppError('invalid_credentials', 'Wrong username or password'),
  wrongCurrentPassword: () =>
    new AppError('wrong_current_password', 'The current password is wrong', [
      { path: '/currentPassword', message: 'wrong password' },
    ]),
  /** `keyword` and `params.rule` name the broken rule, so the client words it in its own language. */
  weakPassword: (path: string, { rule, message }: { rule: PasswordRule; message: string }) =>
    new AppError('weak_password', `The password is refused: ${message}`, [
      { path, message, keyword: 'passwordPolicy', params: { rule, minLength: MIN_PASSWORD_LENGTH } },
    ]),
  tooManyAttempts: (retryAfterSeconds: number) =>
    retryLater('too_many_attempts', 'Too many failed sign-ins; wait before trying again', retryAfterSeconds),
  signInBusy: (retryAfterSeconds: number) =>
    retryLater('sign_in_busy', 'Too many sign-ins at once; try again in a moment', retryAfterSeconds),
  rateLimited: (retryAfterSeconds: number) =>
    retryLater('rate_limited', 'Too many lookups; try again in a minute', retryAfterSeconds),
  forbidden: (message = 'You are not allowed to do this') => new AppError('forbidden', message),
  crossSiteRequest: () =>
    new AppError(
      'cross_site_request',
      'This request came from a page of another site; send it from the app itself',
    ),
  notInDepartment: (message: string) => new AppError('not_in_department', message),
  taskOtherDepartment: (departments: string[]) =>
    new AppError(
      'task_other_department',
      `This task belongs to department ${departments.join(', ')}, not yours`,
    ),
  taskRoleRequired: (role: string) => new AppError('task_role_required', `This step needs the role ${role}`),
  cannotDeactivateSelf: () =>
    new AppError('cannot_deactivate_self', 'An admin cannot deactivate their own account'),
  cannotRemoveOwnAdmin: () =>
    new AppError('cannot_remove_own_admin', 'An admin cannot take the admin role from their own account'),
};

/** What is asked for does not exist. */
const missingErrors = {
  /** Also the answer for a dossier outside the caller's access scope: the two must look the same. */
  dossierNotFound: (code?: string) =>
    new AppError('dossier_not_found', code ? `Dossier ${code} not found` : 'Dossier not found'),
  taskNotFound: () => new AppError('task_not_found', 'Task not found'),
  attachmentNotFound: () => new AppError('attachment_not_found', 'Attachment not found'),
  departmentNotFound: (code: string) => new AppError('department_not_found', `Department ${code} not found`),
  agencyNotFound: (code: string) => new AppError('agency_not_found', `Agency ${code} not found`),
  procedureNotFound: (code: string, version?: string) =>
    new AppError(
      'procedure_not_found',
      version === undefined
        ? `Procedure ${code} not found`
        : `Procedure ${code} version ${version} not found`,
    ),
  userNotFound: () => new AppError('user_not_found', 'User not found'),
  validatorNotFound: (name: string) => new AppError('validator_not_found', `No validator named ${name}`),
  calendarEntryNotFound: (what: 'Holiday' | 'Working day' | 'Entry') =>
    new AppError('calendar_entry_not_found', `${what} not found`),
  paperNotIssued: (paper: string, code: string) =>
    new AppError('paper_not_issued', `No ${paper} was issued for dossier ${code}`),
  /** Also the answer for an ID number known only outside the caller's access scope. */
  applicantNotFound: () =>
    new AppError('applicant_not_found', 'No dossier in your scope was received with this ID number'),
};

/** It exists, but its state refuses what is asked. */
const stateErrors = {
  departmentExists: (code: string) => new AppError('department_exists', `Department ${code} already exists`),
  agencyExists: (code: string) => new AppError('agency_exists', `Agency ${code} already exists`),
  usernameTaken: (username: string) => new AppError('username_taken', `Username ${username} is taken`),
  procedureExists: (code: string) =>
    new AppError('procedure_exists', `Procedure ${code} exists; deploy a new version instead`),
  workdayExists: (date: string) => new AppError('workday_exists', `${date} is already a working day`),
  procedureDisabled: (code: string) =>
    new AppError('procedure_disabled', `Procedure ${code} is disabled: it takes no new dossiers`),
  dossierFinished: (code: string, status: number) =>
    new AppError('dossier_finished', `Dossier ${code} is finished`, { status }),
  dossierNotRefused: (code: string, status: number) =>
    new AppError('dossier_not_refused', `Dossier ${code} was not refused`, { status }),
  /** A supplement is asked for while an earlier request still waits for the citizen. */
  supplementAlreadyRequested: (code: string) =>
    new AppError('supplement_already_requested', `Dossier ${code} already waits for a supplement`),
  dossierNotPaused: (code: string) =>
    new AppError('dossier_not_paused', `Dossier ${code} waits for no supplement`),
  /** Work on a task stops while the dossier waits for the citizen's supplement. */
  dossierAwaitingSupplement: () =>
    new AppError(
      'dossier_awaiting_supplement',
      'The dossier waits for a supplement from the citizen; receive it first',
    ),
  taskClosed: (taskId: string, status: string) =>
    new AppError('task_closed', `This task is already ${status}`, { taskId, status }),
  taskClaimed: (assigneeId: string | null, message = 'Someone else has claimed this task') =>
    new AppError('task_claimed', message, { assigneeId }),
  noWaitingMessage: (message: string, details: unknown) =>
    new AppError('no_waiting_message', message, details),
  /** The dossier's state does not allow this action now (dossiers/dossier-actions.ts). */
  actionNotAllowed: (code: string, action: string, status: number) =>
    new AppError('action_not_allowed', `Dossier ${code} (status ${status}) does not allow ${action} now`, {
      action,
      status,
    }),
  secretMismatch: () =>
    new AppError('lookup_secret_mismatch', 'This is not the current lookup secret of the dossier'),
  invalidBpmn: (problems: { elementId: string | null; message: string }[]) =>
    new AppError('invalid_bpmn', 'The BPMN diagram cannot be deployed', problems),
  /** The diagram cannot go on (e.g. no flow out of a gateway matches): the command is refused whole. */
  processCannotContinue: (cause: string) =>
    new AppError('process_cannot_continue', `The procedure cannot continue from here: ${cause}`, { cause }),
};

const serverErrors = {
  notReady: (reason: 'shutting_down' | 'database_unavailable') =>
    new AppError(
      'not_ready',
      reason === 'shutting_down' ? 'The server is shutting down' : 'The database does not answer',
      {
        reason,
      },
    ),
  metricsTokenRequired: () =>
    new AppError('metrics_token_required', 'Send the METRICS_TOKEN as a Bearer token', null, {
      'WWW-Authenticate': 'Bearer realm="metrics"',
    }),
  /** Production without METRICS_TOKEN: no one is trusted to scrape, so there is nothing to scrape. */
  metricsDisabled: () =>
    new AppError('metrics_disabled', 'Metrics are off: set METRICS_TOKEN to enable /metrics'),
};

/** A procedure's draft in the modeler. */
const draftErrors = {
  draftNotFound: (code: string) => new AppError('draft_not_found', `No open draft of procedure ${code}`),
  /** Someone saved the draft since the revision the caller saw: reload theirs, or save again over it. */
  draftConflict: (code: string, saved: { revision: number; updatedBy: string; updatedAt: string }) =>
    new AppError(
      'draft_conflict',
      `${saved.updatedBy} saved the draft of ${code} (revision ${saved.revision}) since you opened it`,
      saved,
    ),
};

/** One factory per catalogue code, each with the arguments its message and details need. */
export const errors = {
  ...requestErrors,
  ...callerErrors,
  ...missingErrors,
  ...stateErrors,
  ...serverErrors,
  ...draftErrors,
};
