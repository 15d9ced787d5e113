// Live updates for open dashboards: GET /api/events is a server-sent-event stream that
// forwards what the collector (data landed, run finished) and the alert monitor report.
// Browsers' EventSource reconnects by itself after a server restart (retry below).
import type { EventEmitter } from 'node:events';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

/** Events forwarded to dashboards, as emitted by Collector and AlertMonitor. */
export const LIVE_EVENTS = ['data-changed', 'run-finished', 'alerts-changed'] as const;

const RETRY_MS = 1000;
const KEEPALIVE_MS = 15_000;

export function eventRoutes(sources: EventEmitter[]): Hono {
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: { event: string; data: string }[] = [];
      let wake: (() => void) | null = null;
      const push = (event: string) => (payload: unknown) => {
        queue.push({ event, data: JSON.stringify({ ...(payload as object), at: new Date().toISOString() }) });
        wake?.();
      };
      const listeners = sources.flatMap((source) =>
        LIVE_EVENTS.map((event) => {
          const fn = push(event);
          source.on(event, fn);
          return () => source.off(event, fn);
        }),
      );
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: 'hello', data: JSON.stringify({ at: new Date().toISOString() }), retry: RETRY_MS });
        while (open) {
          while (queue.length) await stream.writeSSE(queue.shift()!);
          // Sleep until an event arrives, the client leaves, or it is time for a keep-alive comment.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, KEEPALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          if (open && !queue.length) await stream.write(': keep-alive\n\n');
        }
      } finally {
        for (const off of listeners) off();
      }
    }),
  );
  return app;
}
