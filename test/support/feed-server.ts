// A platform that serves hand-made records through the same paging and cursor rules as
// the simulator, so tests drive the real collector over real HTTP.
import { dayOf } from '../../core/time.js';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { faultInjection, type Faults } from '../../demo/simulator/app.js';
import { paginate, parseCursor, type Rec } from '../../demo/simulator/feeds.js';

export type Records = Record<string, { id: string; updated_at: string; [k: string]: unknown }[]>;

/** A well-formed service case record as the platform sends it (accepted and completed on
 * 3 March 2025 in 历下区), for tests that vary one field to make it bad. */
export const GOOD_CASE = {
  id: 'G1',
  updated_at: '2025-03-03T10:00:00+08:00',
  case_id: 'G1',
  region_code: '370102',
  item: 'reg_enroll',
  channel: 'web',
  accepted_at: '2025-03-03T09:00:00+08:00',
  completed_at: '2025-03-03T10:00:00+08:00',
  limit_days: 5,
};

export interface FeedServer {
  url: string;
  /** Replace what a feed serves (e.g. to add a late upload). */
  set(feed: string, records: Records[string]): void;
  /** Requests answered so far, per feed. */
  hits: Record<string, number>;
  close(): Promise<void>;
}

/** `faults` (slow, failing or down source) is read per request: change it while the server runs. */
export async function startFeedServer(initial: Records, now = () => Date.now(), faults: Faults = {}): Promise<FeedServer> {
  const data: Records = { ...initial };
  const hits: Record<string, number> = {};
  const app = new Hono();
  app.use('/api/*', faultInjection(faults));
  app.get('/api/:feed', (c) => {
    const feed = c.req.param('feed');
    hits[feed] = (hits[feed] ?? 0) + 1;
    const since = parseCursor(c.req.query('since') ?? '')!;
    const recs: Rec[] = (data[feed] ?? []).map(({ id, updated_at, ...body }) => ({ id, updated: Date.parse(updated_at), body }));
    return c.json(paginate(since, now(), Number(c.req.query('limit')), (d) => recs.filter((r) => dayOf(r.updated) === d)));
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    set: (feed, records) => {
      data[feed] = records;
    },
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Don't wait out idle keep-alive sockets or requests held by an injected latency.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
