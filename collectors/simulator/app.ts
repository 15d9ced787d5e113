// HTTP face of the simulated agency platform: the collectors reach it exactly as they
// would reach a real system (base URL configurable), with paging and "since" cursors.
import { Hono } from 'hono';
import { casesPage, parseCursor, reportsPage, uploadsPage, type Cursor, type Page } from './feeds.js';
import { World } from './world.js';

export interface SimulatorOptions {
  seed: string;
  casesPerDay: number;
  /** The platform's clock; tests pin it. */
  now?: () => number;
}

const FEEDS: Record<string, (w: World, since: Cursor, now: number, limit: number) => Page> = {
  cases: casesPage,
  reports: reportsPage,
  uploads: uploadsPage,
};

export function createSimulatorApp(opts: SimulatorOptions): Hono {
  const world = new World(opts.seed, opts.casesPerDay);
  const now = opts.now ?? Date.now;
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true, counties: world.counties.length }));
  app.get('/api/:feed', (c) => {
    const feed = FEEDS[c.req.param('feed')];
    if (!feed) return c.json({ error: `unknown feed '${c.req.param('feed')}'` }, 404);
    const since = parseCursor(c.req.query('since') ?? '');
    if (!since) return c.json({ error: "parameter 'since' must be 'ISO-8601 time|id'" }, 400);
    const limit = Number(c.req.query('limit') ?? 5000);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50_000) {
      return c.json({ error: "parameter 'limit' must be an integer from 1 to 50000" }, 400);
    }
    return c.json(feed(world, since, now(), limit));
  });
  return app;
}
