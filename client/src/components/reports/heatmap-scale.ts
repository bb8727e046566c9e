import type { StepDurations } from '@server/reports/reports.schema.js';

/** What the heatmap colours the steps by. */
export const HEAT_MEASURES = ['openNow', 'overdueNow', 'p90', 'onTimeShare'] as const;
export type HeatMeasure = (typeof HEAT_MEASURES)[number];

/** 0: nothing to show (no open step, no completed one); 1 low, 2 medium, 3 high pressure. */
export type HeatLevel = 0 | 1 | 2 | 3;
export const HEAT_LEVELS: readonly HeatLevel[] = [0, 1, 2, 3];

/** An on-time share at or above this is low pressure; below the second, high. */
const SHARE_LOW = 0.9;
const SHARE_HIGH = 0.7;

/** The step's value for a measure; null when it has none (no completed step for p90 and share). */
export function measureOf(step: StepDurations, measure: HeatMeasure): number | null {
  if (measure === 'p90') return step.total.p90;
  return step[measure];
}

/**
 * Each step's level for a measure. Counts and p90 are judged against the highest step of the
 * diagram (thirds of it), so the busiest step always reads high; the on-time share against
 * fixed thresholds, since a share means the same whatever the other steps do.
 */
export function heatLevels(steps: StepDurations[], measure: HeatMeasure): Map<string, HeatLevel> {
  const values = steps.map((s) => [s.elementId, measureOf(s, measure)] as const);
  const max = Math.max(0, ...values.map(([, v]) => v ?? 0));
  return new Map(
    values.map(([id, value]): [string, HeatLevel] => {
      if (value === null) return [id, 0];
      if (measure === 'onTimeShare') return [id, value >= SHARE_LOW ? 1 : value >= SHARE_HIGH ? 2 : 3];
      if (value === 0 || max === 0) return [id, 0];
      return [id, Math.min(3, Math.ceil((3 * value) / max)) as HeatLevel];
    }),
  );
}

/** A step of the diagram with no figures yet: nothing completed, nothing open. */
export function emptyFigures(elementId: string, name: string): StepDurations {
  const spread = { median: null, p90: null };
  return {
    elementId,
    name,
    completed: 0,
    total: spread,
    waiting: spread,
    working: spread,
    withDue: 0,
    onTimeShare: null,
    openNow: 0,
    overdueNow: 0,
  };
}
