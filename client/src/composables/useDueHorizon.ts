import { ref } from 'vue';
import { get, query } from '../api/http.js';
import type { DueState } from '@server/tasks/tasks.schema.js';
import type { DueResult } from '@server/calendar/calendar.schema.js';

const REFRESH_MS = 5 * 60_000;
/** The instant one working day from now (the server's calendar, holidays included). */
const horizon = ref<number | null>(null);
let loadedAt = 0;

async function refresh(): Promise<void> {
  if (Date.now() - loadedAt < REFRESH_MS) return;
  loadedAt = Date.now();
  try {
    const { dueAt } = await get<DueResult>(
      `/api/calendar/due${query({ from: new Date().toISOString(), amount: 1, unit: 'days' })}`,
    );
    horizon.value = new Date(dueAt).getTime();
  } catch {
    loadedAt = 0;
  }
}

/**
 * Due markers for dossiers, in working time: "soon" means within one working day, asked of the
 * server's calendar once every few minutes for the whole app (the inbox gets its markers from
 * the server with each task instead).
 */
export function useDueHorizon() {
  void refresh();
  function stateOf(dueAt: string | null, paused = false): DueState {
    if (!dueAt) return 'none';
    if (paused) return 'paused';
    const due = new Date(dueAt).getTime();
    if (due <= Date.now()) return 'overdue';
    return horizon.value !== null && due <= horizon.value ? 'soon' : 'ok';
  }
  return { stateOf };
}
