/**
 * How papers are dated: in Vietnamese and in Vietnam's time whatever the UI language and the
 * browser's time zone, two-digit day and month, as on the PDF. The server's twin is
 * server/src/papers/pdf-sheet.ts (the page may not bundle server code); a test holds both to
 * the same strings.
 */

/** "ngày 02 tháng 12 năm 2026", as papers are dated. */
export function formatPaperDate(iso: string): string {
  const p = vietnamParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "Ngày 02 tháng 12 năm 2026": the date line over the signature, which starts the line. */
export function paperDateLine(iso: string): string {
  return formatPaperDate(iso).replace(/^n/, 'N');
}

/** "08 giờ 30 phút, ngày 24/11/2026": an instant on a paper. */
export function formatInstant(iso: string): string {
  const p = vietnamParts(iso);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

function vietnamParts(iso: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}
