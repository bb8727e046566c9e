import { get } from './http.js';
import type { OverdueBoard, OverdueQuery } from '@server/reports/overdue-board.schema.js';
import type { Trends, TrendsQuery } from '@server/reports/trends.schema.js';

/** A query string of the parameters that are set. */
function search(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export const getOverdueBoard = (query: OverdueQuery) =>
  get<OverdueBoard>(`/api/reports/overdue?${search(query)}`);
/** The board as a workbook: a plain link downloads it with the session cookie. */
export const overdueWorkbookUrl = (query: OverdueQuery) => `/api/reports/overdue.xlsx?${search(query)}`;
export const getTrends = (query: TrendsQuery) => get<Trends>(`/api/reports/trends?${search(query)}`);
