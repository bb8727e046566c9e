import type { StepDurations } from '@server/reports/reports.schema.js';
import { locale } from '../../../../client/src/i18n/index.js';

const HOURS_PER_WORKING_DAY = 8;

/**
 * A step's budget in working hours as the draft says it now (`mc:budget`: "3d" working days or
 * "4h" working hours), so a designer sees the effect of the budget being edited; null without one.
 */
export function budgetHoursOf(businessObject: { get(name: string): unknown }): number | null {
  const text = businessObject.get('mc:budget');
  if (typeof text !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(d|h)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * (match[2] === 'd' ? HOURS_PER_WORKING_DAY : 1);
}

/** A step whose 90th percentile does not fit its budget: most dossiers' experience says it is unrealistic. */
export function isOverBudget(step: StepDurations, budget: number | null): boolean {
  return budget !== null && step.total.p90 !== null && step.total.p90 > budget;
}

/** Hours with one decimal in the reader's language ("5,2" in Vietnamese). */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1 }).format(hours);
}

export function formatShare(share: number | null): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A local date (YYYY-MM-DD) as the reader writes dates ("1/11/2026" in Vietnamese). */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(locale.value, { timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
