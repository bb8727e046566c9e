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
  ) {
    super(message);
  }
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
  forbidden: (message = 'You are not allowed to do this') => new AppError(403, 'forbidden', message),
  notFound: (what: string) => new AppError(404, 'not_found', `${what} not found`),
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
  fileTooLarge: (fileName: string, limitBytes: number) =>
    new AppError(413, 'file_too_large', `${fileName} is larger than ${Math.round(limitBytes / 1048576)} MB`),
  secretMismatch: () =>
    new AppError(422, 'lookup_secret_mismatch', 'This is not the current lookup secret of the dossier'),
  invalidBpmn: (problems: { elementId: string | null; message: string }[]) =>
    new AppError(422, 'invalid_bpmn', 'The BPMN diagram cannot be deployed', problems),
};
