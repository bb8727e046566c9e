/**
 * Every error the API answers with. Each has a stable `code` that clients and tests match on;
 * the message is for a person and says what to fix.
 */
export class AppError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    /** Response headers the error needs (Retry-After on a 429 or 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A 429 or 503 that says when to come back, in the header and in `details` for the client. */
function retryLater(status: number, code: string, message: string, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    status,
    code,
    message,
    { retryAfterSeconds: seconds },
    { 'Retry-After': String(seconds) },
  );
}

export interface FieldProblem {
  path: string;
  message: string;
}

export const errors = {
  badRequest: (message: string, details: unknown = null) =>
    new AppError(400, 'bad_request', message, details),
  invalidJson: (message: string) =>
    new AppError(400, 'invalid_json', `Request body is not valid JSON: ${message}`),
  payloadTooLarge: (limit: string) =>
    new AppError(413, 'payload_too_large', `Request body is larger than the limit of ${limit}`),
  validation: (problems: FieldProblem[], message = 'Request is invalid') =>
    new AppError(422, 'validation_failed', message, problems),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Sign in first'),
  invalidCredentials: () => new AppError(401, 'invalid_credentials', 'Wrong username or password'),
  wrongCurrentPassword: () =>
    new AppError(422, 'wrong_current_password', 'The current password is wrong', [
      { path: '/currentPassword', message: 'wrong password' },
    ]),
  weakPassword: (path: string, problem: string) =>
    new AppError(422, 'weak_password', `The password is refused: ${problem}`, [{ path, message: problem }]),
  tooManyAttempts: (retryAfterSeconds: number) =>
    retryLater(
      429,
      'too_many_attempts',
      'Too many failed sign-ins; wait before trying again',
      retryAfterSeconds,
    ),
  signInBusy: (retryAfterSeconds: number) =>
    retryLater(503, 'sign_in_busy', 'Too many sign-ins at once; try again in a moment', retryAfterSeconds),
  cannotDeactivateSelf: () =>
    new AppError(409, 'cannot_deactivate_self', 'An admin cannot deactivate their own account'),
  forbidden: (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message),
  notFound: (what: string) => new AppError(404, 'not_found', `${what} not found`),
  /** Also the answer for a dossier outside the caller's access scope: the two must look the same. */
  dossierNotFound: (code?: string) =>
    new AppError(404, 'dossier_not_found', code ? `Dossier ${code} not found` : 'Dossier not found'),
  taskNotFound: () => new AppError(404, 'task_not_found', 'Task not found'),
  attachmentNotFound: () => new AppError(404, 'attachment_not_found', 'Attachment not found'),
  departmentNotFound: (code: string) =>
    new AppError(404, 'department_not_found', `Department ${code} not found`),
  paperNotIssued: (paper: string, code: string) =>
    new AppError(404, 'paper_not_issued', `No ${paper} was issued for dossier ${code}`),
  notInDepartment: (message: string) => new AppError(403, 'not_in_department', message),
  taskOtherDepartment: (departments: string[]) =>
    new AppError(
      403,
      'task_other_department',
      `This task belongs to department ${departments.join(', ')}, not yours`,
    ),
  taskRoleRequired: (role: string) =>
    new AppError(403, 'task_role_required', `This step needs the role ${role}`),
  conflict: (code: string, message: string, details: unknown = null) =>
    new AppError(409, code, message, details),
  crossSiteRequest: () =>
    new AppError(
      403,
      'cross_site_request',
      'This request came from a page of another site; send it from the app itself',
    ),
  unsupportedMediaType: (expected: string) =>
    new AppError(415, 'unsupported_media_type', `The request body must be ${expected}`),
  idempotencyKeyReused: () =>
    new AppError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was used for another request; use a new key for a new request',
    ),
  unsupportedFile: (fileName: string) =>
    new AppError(415, 'unsupported_file_type', `${fileName} is not a PDF, PNG or JPEG file`),
  invalidMultipart: (reason: string) =>
    new AppError(
      400,
      'invalid_multipart',
      `The upload is not a complete multipart/form-data body (${reason}); send the files again`,
    ),
  tooManyFiles: (limit: number) => new AppError(400, 'too_many_files', `At most ${limit} files at a time`),
  fileTooLarge: (fileName: string, limitBytes: number) =>
    new AppError(413, 'file_too_large', `${fileName} is larger than ${Math.round(limitBytes / 1048576)} MB`),
  secretMismatch: () =>
    new AppError(422, 'lookup_secret_mismatch', 'This is not the current lookup secret of the dossier'),
  invalidBpmn: (problems: { elementId: string | null; message: string }[]) =>
    new AppError(422, 'invalid_bpmn', 'The BPMN diagram cannot be deployed', problems),
  /** /readyz: a load balancer sends no traffic here until it answers 200 again. */
  notReady: (reason: 'shutting_down' | 'database_unavailable') =>
    new AppError(
      503,
      'not_ready',
      reason === 'shutting_down' ? 'The server is shutting down' : 'The database does not answer',
      { reason },
    ),
  metricsTokenRequired: () =>
    new AppError(401, 'metrics_token_required', 'Send the METRICS_TOKEN as a Bearer token', null, {
      'WWW-Authenticate': 'Bearer realm="metrics"',
    }),
  /** Production without METRICS_TOKEN: no one is trusted to scrape, so there is nothing to scrape. */
  metricsDisabled: () =>
    new AppError(404, 'metrics_disabled', 'Metrics are off: set METRICS_TOKEN to enable /metrics'),
};
