import { get, post, query } from './http.js';
import type {
  ClaimedTask,
  CompleteTaskBody,
  CompletedTask,
  InboxPage,
  InboxQuery,
} from '@server/tasks/tasks.schema.js';

export type InboxFilters = InboxQuery;

export const listInbox = (filters: InboxFilters) => get<InboxPage>(`/api/tasks${query({ ...filters })}`);
export const claimTask = (id: string) => post<ClaimedTask>(`/api/tasks/${id}/claim`);
export const unclaimTask = (id: string) => post<ClaimedTask>(`/api/tasks/${id}/unclaim`);
export const completeTask = (
  id: string,
  outcome: string | undefined,
  data: Record<string, unknown>,
  { reason, handover }: { reason?: string; handover?: CompleteTaskBody['handover'] } = {},
) =>
  post<CompletedTask>(`/api/tasks/${id}/complete`, {
    ...(outcome ? { outcome } : {}),
    data,
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
    ...(handover ? { handover } : {}),
  } satisfies CompleteTaskBody);
