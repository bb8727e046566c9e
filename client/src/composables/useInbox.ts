import { reactive, ref, watch } from 'vue';
import { claimTask, listInbox, unclaimTask, type InboxFilters } from '../api/tasks.js';
import type { InboxTask } from '@server/tasks/tasks.schema.js';
import { useLiveTasks } from './useLiveTasks.js';

const PAGE_SIZE = 50;

/**
 * The inbox: one page of tasks at a time from the server (5,000 open tasks stay one query of
 * 50 rows), reloaded when filters change and, shortly after, whenever a live event arrives.
 */
export function useInbox() {
  const filters = reactive<InboxFilters>({ scope: 'available', sort: 'due', page: 1, pageSize: PAGE_SIZE });
  const items = ref<InboxTask[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  /** Tasks that arrived live since the page was opened, to draw the eye to them. */
  const fresh = ref(new Set<string>());
  let seen: Set<string> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  async function load() {
    loading.value = true;
    try {
      const page = await listInbox({ ...filters });
      if (seen) for (const task of page.items) if (!seen.has(task.id)) fresh.value.add(task.id);
      seen = new Set([...(seen ?? []), ...page.items.map((t) => t.id)]);
      items.value = page.items;
      total.value = page.total;
      error.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  // Events come in bursts (a completion closes one task and opens others): reload once per burst.
  const { connected } = useLiveTasks(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void load(), 150);
  });

  watch(
    () => [filters.scope, filters.department, filters.procedure, filters.sort],
    () => {
      filters.page = 1;
      void load();
    },
  );
  watch(
    () => filters.page,
    () => void load(),
  );

  async function claim(id: string) {
    await claimTask(id);
    await load();
  }

  /** Claims a task on the way to opening it; when someone was quicker, says so here and answers false. */
  async function claimToOpen(id: string): Promise<boolean> {
    try {
      await claimTask(id);
      return true;
    } catch (err) {
      // Reloaded first: a successful reload clears the error, which must stay on screen.
      await load();
      error.value = err;
      return false;
    }
  }

  async function unclaim(id: string) {
    await unclaimTask(id);
    await load();
  }

  return { filters, items, total, loading, error, fresh, connected, load, claim, claimToOpen, unclaim };
}
