import { locale } from '../../../../client/src/i18n/index.js';
import { HOURS_PER_WORKING_DAY } from './deadline-analysis.js';

/** Working hours as the panel shows them: at most two decimals, in the reader's language. */
export function formatHours(hours: number): string {
  return new Intl.NumberFormat(locale.value === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(hours);
}

export function formatDays(hours: number): string {
  return formatHours(hours / HOURS_PER_WORKING_DAY);
}
