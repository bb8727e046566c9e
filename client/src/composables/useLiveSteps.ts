import { onBeforeUnmount, onMounted } from 'vue';
import { io, type Socket } from 'socket.io-client';

/** How long a burst of step events is gathered before one refresh. */
const DEBOUNCE_MS = 300;

/**
 * Calls `refresh` once after each burst of `step.changed` events: the server sends them to
 * those who oversee the departments whose tasks moved (watch rooms joined from the session
 * cookie). A burst (a dossier closing one step and opening the next) is one refresh.
 */
export function useLiveSteps(refresh: () => void) {
  let socket: Socket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  onMounted(() => {
    socket = io({ path: '/socket.io', withCredentials: true });
    socket.on('step.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, DEBOUNCE_MS);
    });
  });

  onBeforeUnmount(() => {
    clearTimeout(timer);
    socket?.disconnect();
    socket = null;
  });
}
