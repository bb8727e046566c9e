import pino from 'pino';

type Sink = (line: string) => void;

const toStdout: Sink = (line) => void process.stdout.write(line);
let sink: Sink = toStdout;

/**
 * The process's one logger: a JSON line per event on stdout, level from LOG_LEVEL (default
 * info). Nothing here redacts: callers log ids, counts and route patterns, never request
 * bodies, query strings or a citizen's details (lookup secrets and ID numbers travel there).
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL || 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Written through a function rather than a file descriptor, so tests can read what is logged.
  { write: (line: string) => sink(line) },
);

/** Sends log lines to `to` until the returned function is called (tests read what was logged). */
export function redirectLogs(to: Sink): () => void {
  const previous = sink;
  sink = to;
  return () => {
    sink = previous;
  };
}

/** An error as log fields: its message and stack, never properties that may carry request data. */
export function errorFields(err: unknown): { err: { message: string; stack?: string; code?: string } } {
  if (!(err instanceof Error)) return { err: { message: String(err) } };
  const code = (err as { code?: unknown }).code;
  return {
    err: { message: err.message, stack: err.stack, ...(typeof code === 'string' ? { code } : {}) },
  };
}
