/**
 * The catalogue of error codes the API answers with, each with the HTTP status it answers.
 * Clients and tests match on the code, never on the message; the client has a text for every
 * code in each of its languages (a test compares). Plain data, so the client can import it.
 */
export const ERROR_STATUS = {
  // The request itself
  bad_request: 400,
  invalid_json: 400,
  invalid_multipart: 400,
  invalid_idempotency_key: 400,
  no_file: 400,
  too_many_files: 400,
  payload_too_large: 413,
  file_too_large: 413,
  unsupported_media_type: 415,
  unsupported_file_type: 415,
  validation_failed: 422,
  idempotency_key_reused: 422,
  route_not_found: 404,
  method_not_allowed: 405,
  not_implemented: 501,
  // Who is asking
  unauthenticated: 401,
  invalid_credentials: 401,
  wrong_current_password: 422,
  weak_password: 422,
  too_many_attempts: 429,
  sign_in_busy: 503,
  rate_limited: 429,
  forbidden: 403,
  cross_site_request: 403,
  not_in_department: 403,
  task_other_department: 403,
  task_role_required: 403,
  cannot_deactivate_self: 409,
  cannot_remove_own_admin: 409,
  // What is asked for does not exist (or is outside the caller's scope)
  dossier_not_found: 404,
  task_not_found: 404,
  attachment_not_found: 404,
  department_not_found: 404,
  agency_not_found: 404,
  procedure_not_found: 404,
  user_not_found: 404,
  calendar_entry_not_found: 404,
  validator_not_found: 404,
  paper_not_issued: 404,
  applicant_not_found: 404,
  // It exists, but not in a state that allows this
  department_exists: 409,
  agency_exists: 409,
  username_taken: 409,
  procedure_exists: 409,
  workday_exists: 409,
  procedure_disabled: 409,
  dossier_finished: 409,
  dossier_not_refused: 409,
  supplement_already_requested: 409,
  dossier_not_paused: 409,
  dossier_awaiting_supplement: 409,
  task_closed: 409,
  task_claimed: 409,
  no_waiting_message: 409,
  action_not_allowed: 409,
  lookup_secret_mismatch: 422,
  invalid_bpmn: 422,
  process_cannot_continue: 422,
  // The server
  internal: 500,
  not_ready: 503,
  metrics_token_required: 401,
  metrics_disabled: 404,
  // Drafts of procedures (the modeler)
  draft_not_found: 404,
  draft_conflict: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every code of the catalogue, in catalogue order. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as readonly ErrorCode[];

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
