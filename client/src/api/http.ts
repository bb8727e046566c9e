import type { SchemaProblem as FieldProblem } from '@server/http/validation.js';

export type { FieldProblem };
/** An error answered by the API: `{ error: { code, message, details } }` with a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** The fields the server found wrong (`details` of a 422), to show next to each field. */
  get problems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem => typeof d?.path === 'string' && typeof d?.message === 'string',
    );
  }
}

/**
 * Problems under `prefix` (`/data`) keyed by the rest of their path, as a form's fields are; the
 * first per field, as `text` says it (the server's message is English: see i18n `problemText`).
 */
export function problemsUnder(
  problems: FieldProblem[],
  prefix: string,
  text: (problem: FieldProblem) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (p.path.startsWith(`${prefix}/`)) out[p.path.slice(prefix.length)] ??= text(p);
  return out;
}

type Body = object | FormData | undefined;

/** Calls the API with the session cookie; JSON in and out, FormData for uploads, Blob for files. */
export async function request<T>(
  method: string,
  path: string,
  body?: Body,
  as: 'json' | 'blob' | 'text' = 'json',
): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body && !isForm ? { 'content-type': 'application/json' } : {},
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (!res.ok) throw await toApiError(res);
  if (as === 'blob') return (await res.blob()) as T;
  if (as === 'text') return (await res.text()) as T;
  return (await res.json()) as T;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const { error } = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    return new ApiError(res.status, error.code, error.message, error.details);
  } catch {
    return new ApiError(res.status, 'http_error', `${res.status} ${res.statusText}`);
  }
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: Body) => request<T>('POST', path, body);

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
