import { get, post, query } from './http.js';
import type { CompletedTask, InboxTask, Page } from './types.js';

export interface InboxFilters {
  scope: 'available' | 'mine' | 'department';
  department?: string;
  procedure?: string;
  sort: 'due' | 'created';
  page: number;
  pageSize: number;
}

export const listInbox = (filters: InboxFilters) => get<Page<InboxTask>>(`/api/tasks${query({ ...filters })}`);
export const claimTask = (id: string) => post<unknown>(`/api/tasks/${id}/claim`);
export const unclaimTask = (id: string) => post<unknown>(`/api/tasks/${id}/unclaim`);
export const completeTask = (id: string, outcome: string | undefined, data: Record<string, unknown>) =>
  post<CompletedTask>(`/api/tasks/${id}/complete`, { ...(outcome ? { outcome } : {}), data });
