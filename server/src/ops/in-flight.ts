import { EventEmitter } from 'node:events';
import type http from 'node:http';

export interface InFlight {
  readonly count: number;
  /** From now on every answer says `Connection: close`, so keep-alive clients go elsewhere. */
  drain(): void;
  /** Resolves true once no request is in flight, or false when `graceMs` passed first. */
  settled(graceMs: number): Promise<boolean>;
}

/**
 * Counts the HTTP requests `server` is answering, so a stopping server can let them finish.
 * socket.io's long-polling requests are left out: one is held open by design for up to its
 * ping interval, and the client reconnects to another server anyway.
 */
export function trackInFlight(server: http.Server): InFlight {
  let active = 0;
  let draining = false;
  const events = new EventEmitter();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/socket.io/')) return;
    active += 1;
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      active -= 1;
      if (active === 0) events.emit('idle');
    });
  });
  return {
    get count() {
      return active;
    },
    drain() {
      draining = true;
    },
    settled(graceMs) {
      if (active === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          events.off('idle', onIdle);
          resolve(false);
        }, graceMs);
        const onIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
        events.once('idle', onIdle);
      });
    },
  };
}
