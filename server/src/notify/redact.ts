/**
 * A lookup link carries the dossier's lookup secret (`secret=` in its query). The citizen's SMS or
 * e-mail needs it; nothing we keep or log does: the log, and the outbox row once it is delivered.
 */
export function redactSecrets(text: string): string {
  return text.replace(/([?&]secret=)[^&\s#]+/gi, '$1[redacted]');
}
