import { get } from './http.js';
import type { StepDurationsReport } from '@server/reports/reports.schema.js';
import type { StepDurationsQuery } from '@server/reports/step-durations.js';
import type {
  StepOpenCounts,
  StepOpenQuery,
  StepWaiting,
  StepWaitingQuery,
} from '@server/reports/step-waiting.schema.js';

/** A query string of the parameters that are set. */
function search(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** The period's figures per step: percentiles in working hours, on-time share, open and overdue now. */
export const getStepFigures = (query: StepDurationsQuery) =>
  get<StepDurationsReport>(`/api/reports/steps?${search(query)}`);
/** Open and overdue now per step alone: what a live page refetches on task events. */
export const getStepOpenCounts = (query: StepOpenQuery) =>
  get<StepOpenCounts>(`/api/reports/steps/open?${search(query)}`);
export const getStepWaiting = (query: StepWaitingQuery) =>
  get<StepWaiting>(`/api/reports/steps/waiting?${search(query)}`);
