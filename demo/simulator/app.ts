// HTTP face of the simulated agency platform: the collectors reach it exactly as they
// would reach a real system (base URL configurable), with paging and "since" cursors.
import { Hono, type MiddlewareHandler } from 'hono';
import { casesPage, complaintsPage, parseCursor, ratingsPage, reportsPage, uploadsPage, type Cursor, type Page } from './feeds.js';
import { World } from './world.js';

export interface SimulatorOptions {
  seed: string;
  casesPerDay: number;
  /** The platform's clock; tests pin it. */
  now?: () => number;
  /** Faults to inject; the object is read on every request, so tests and demos can change it live. */
  faults?: Faults;
}

/** How the platform misbehaves, as real agency systems do. */
export interface Faults {
  /** Delay before every feed answer (a slow source). */
  latencyMs?: number;
  /** Statuses answered, one per request, before serving normally again (a brief outage). */
  failNext?: number[];
  /** Answer every feed request with 503 (a source down for hours). */
  down?: boolean;
  /** Share of feed requests answered with 503 at random (a flaky source). */
  errorRate?: number;
}

/** Injects `faults` into the feed routes it guards. */
export function faultInjection(faults: Faults): MiddlewareHandler {
  return async (c, next) => {
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    const status = faults.failNext?.shift() ?? (faults.down || Math.random() < (faults.errorRate ?? 0) ? 503 : undefined);
    if (status !== undefined) return c.json({ error: 'injected fault: service unavailable' }, status as 503);
    return next();
  };
}

const FEEDS: Record<string, (w: World, since: Cursor, now: number, limit: number) => Page> = {
  cases: casesPage,
  reports: reportsPage,
  uploads: uploadsPage,
  ratings: ratingsPage,
  complaints: complaintsPage,
};

export function createSimulatorApp(opts: SimulatorOptions): Hono {
  const world = new World(opts.seed, opts.casesPerDay);
  const now = opts.now ?? Date.now;
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true, counties: world.counties.length }));
  app.use('/api/*', faultInjection(opts.faults ?? {}));
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
