import { get } from './http.js';
import type {
  Ii06aQuery,
  Ii06aReport,
  OverseenAgency,
  StepDurationsReport,
} from '@server/reports/reports.schema.js';
import type { StepDurationsQuery } from '@server/reports/step-durations.js';
import type { OverdueBoard, OverdueQuery } from '@server/reports/overdue-board.schema.js';
import type { Trends, TrendsQuery } from '@server/reports/trends.schema.js';
import type { Forecast, ForecastQuery } from '@server/reports/forecast.schema.js';
import type {
  StepOpenCounts,
  StepOpenQuery,
  StepWaiting,
  StepWaitingQuery,
} from '@server/reports/step-waiting.schema.js';

/** The query string of the parameters that are set, with its `?`. */
function search(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The agencies whose reports the signed-in user may read. */
export const overseenAgencies = () => get<OverseenAgency[]>('/api/reports/agencies');

/** Report II.06a for an agency's subtree over a period. */
export const getIi06a = (q: Ii06aQuery) => get<Ii06aReport>(`/api/reports/ii06a${search(q)}`);
/** Where the same report downloads as an XLSX workbook (the server names the file). */
export const ii06aXlsxHref = (q: Ii06aQuery) => `/api/reports/ii06a.xlsx${search(q)}`;

export const getOverdueBoard = (q: OverdueQuery) => get<OverdueBoard>(`/api/reports/overdue${search(q)}`);
/** The board as a workbook: a plain link downloads it with the session cookie. */
export const overdueWorkbookUrl = (q: OverdueQuery) => `/api/reports/overdue.xlsx${search(q)}`;

export const getTrends = (q: TrendsQuery) => get<Trends>(`/api/reports/trends${search(q)}`);

export const getForecast = (q: ForecastQuery = {}) => get<Forecast>(`/api/reports/forecast${search(q)}`);

/** The period's figures per step: percentiles in working hours, on-time share, open and overdue now. */
export const getStepFigures = (q: StepDurationsQuery) =>
  get<StepDurationsReport>(`/api/reports/steps${search(q)}`);
/** Open and overdue now per step alone: what a live page refetches on task events. */
export const getStepOpenCounts = (q: StepOpenQuery) =>
  get<StepOpenCounts>(`/api/reports/steps/open${search(q)}`);
export const getStepWaiting = (q: StepWaitingQuery) =>
  get<StepWaiting>(`/api/reports/steps/waiting${search(q)}`);
