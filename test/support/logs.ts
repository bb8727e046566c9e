import { logger, redirectLogs } from '../../server/src/core/logger.js';

/** One JSON log line as the server wrote it. */
export type LogLine = Record<string, unknown> & { msg: string; level: string };

/**
 * Runs `fn` with the server's log lines collected (at `info` and above whatever LOG_LEVEL the
 * run has), answered with what `fn` answers.
 */
export async function capturingLogs<T>(fn: () => Promise<T>): Promise<{ result: T; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const level = logger.level;
  logger.level = 'info';
  const restore = redirectLogs((line) => void lines.push(JSON.parse(line) as LogLine));
  try {
    return { result: await fn(), lines };
  } finally {
    restore();
    logger.level = level;
  }
}
