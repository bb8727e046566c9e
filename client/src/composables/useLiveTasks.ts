import { onBeforeUnmount, onMounted, ref } from 'vue';
import { io, type Socket } from 'socket.io-client';
import type { TaskEvent } from '@server/realtime/task-event.schema.js';

/**
 * Listens to the server's task events (rooms of my departments and of me, joined from the
 * session cookie) for as long as the component lives. The server emits only after commit.
 */
export function useLiveTasks(onEvent: (kind: 'created' | 'closed' | 'updated', task: TaskEvent) => void) {
  const connected = ref(false);
  let socket: Socket | null = null;

  onMounted(() => {
    socket = io({ path: '/socket.io', withCredentials: true });
    socket.on('ready', () => (connected.value = true));
    socket.on('disconnect', () => (connected.value = false));
    socket.on('task.created', (task: TaskEvent) => onEvent('created', task));
    socket.on('task.closed', (task: TaskEvent) => onEvent('closed', task));
    socket.on('task.updated', (task: TaskEvent) => onEvent('updated', task));
  });

  onBeforeUnmount(() => {
    socket?.disconnect();
    socket = null;
  });

  return { connected };
}
