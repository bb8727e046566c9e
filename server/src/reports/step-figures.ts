/**
 * The figures of one step from its completed activations, in one pass over them once sorted:
 * percentiles as PostgreSQL's `percentile_cont` computes them (linear interpolation between
 * the two nearest ranks), so the numbers do not change if the work moves into SQL.
 */
export interface StepSample {
  waitingMinutes: number;
  workingMinutes: number;
  /** Null when the activation had no due time (its step had no budget). */
  onTime: boolean | null;
}

export interface Spread {
  median: number | null;
  p90: number | null;
}

export interface StepFigures {
  completed: number;
  total: Spread;
  waiting: Spread;
  working: Spread;
  withDue: number;
  onTimeShare: number | null;
}

export function stepFigures(samples: readonly StepSample[]): StepFigures {
  const withDue = samples.filter((s) => s.onTime !== null);
  return {
    completed: samples.length,
    total: spreadOf(samples.map((s) => s.waitingMinutes + s.workingMinutes)),
    waiting: spreadOf(samples.map((s) => s.waitingMinutes)),
    working: spreadOf(samples.map((s) => s.workingMinutes)),
    withDue: withDue.length,
    onTimeShare: withDue.length ? round(withDue.filter((s) => s.onTime).length / withDue.length, 4) : null,
  };
}

/** Median and 90th percentile of durations in minutes, answered in hours (two decimals). */
function spreadOf(minutes: number[]): Spread {
  if (!minutes.length) return { median: null, p90: null };
  const sorted = minutes.sort((a, b) => a - b);
  return { median: hours(percentile(sorted, 0.5)), p90: hours(percentile(sorted, 0.9)) };
}

/** `percentile_cont(fraction)` over ascending values. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const rank = fraction * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

function hours(minutes: number): number {
  return round(minutes / 60, 2);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
