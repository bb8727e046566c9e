import type { StepDurations } from '@server/reports/reports.schema.js';
import { formatNumber, t } from '../../i18n/index.js';
import type { HeatLevel } from './heatmap-scale.js';

/** Working hours as text, or a dash when nothing was completed. */
export function hours(value: number | null): string {
  return value === null ? t('heatmap.noValue') : t('heatmap.hours', { n: formatNumber(value) });
}

/** A share 0–1 as a whole percentage, or a dash when no step had a due time. */
export function share(value: number | null): string {
  return value === null ? t('heatmap.noValue') : `${formatNumber(Math.round(value * 100))}%`;
}

export const levelText = (level: HeatLevel) => t(`heatmap.level.${level}`);

/** The lines a step's overlay on the diagram shows, the level in words first (not colour alone). */
export function overlayLines(step: StepDurations, level: HeatLevel): string[] {
  return [
    t('heatmap.overlay.level', { level: levelText(level) }),
    t('heatmap.overlay.counts', { open: step.openNow, overdue: step.overdueNow }),
    t('heatmap.overlay.waiting', { median: hours(step.waiting.median), p90: hours(step.waiting.p90) }),
    t('heatmap.overlay.working', { median: hours(step.working.median), p90: hours(step.working.p90) }),
    t('heatmap.overlay.onTime', { share: share(step.onTimeShare) }),
  ];
}
