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

type Subscriber = (event: string, data: string) => void;

export function eventRoutes(sources: EventEmitter[]): Hono {
  // One listener per source and event while any stream is open, fanned out to the streams: a
  // listener per stream would pass Node's limit of ten (and warn of a leak) at eleven dashboards.
  const subscribers = new Set<Subscriber>();
  const forwarders = LIVE_EVENTS.map((event) => ({
    event,
    forward: (payload: unknown) => {
      const data = JSON.stringify({ ...(payload as object), at: new Date().toISOString() });
      for (const subscriber of subscribers) subscriber(event, data);
    },
  }));
  const listen = (on: boolean) => {
    for (const source of sources) for (const { event, forward } of forwarders) on ? source.on(event, forward) : source.off(event, forward);
  };
  const app = new Hono();
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: { event: string; data: string }[] = [];
      let wake: (() => void) | null = null;
      const subscriber: Subscriber = (event, data) => {
        queue.push({ event, data });
        wake?.();
      };
      if (subscribers.size === 0) listen(true);
      subscribers.add(subscriber);
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
        subscribers.delete(subscriber);
        if (subscribers.size === 0) listen(false);
      }
    }),
  );
  return app;
}
