// The HTTP API and the built dashboard, as one Hono app.
import type { EventEmitter } from 'node:events';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../warehouse/database.js';
import { ROOT } from '../core/paths.js';
import { alertReads, alertRoutes } from './routes/alerts.js';
import { eventRoutes } from './routes/events.js';
import { loadDims } from './dims.js';
import { indicatorReads, indicatorRoutes } from './routes/indicators.js';
import { opsRoutes } from './routes/ops.js';
import { overviewReads, overviewRoutes } from './routes/overview.js';
import { pageRoutes } from './routes/pages.js';
import { referenceReads, referenceRoutes } from './routes/reference.js';
import { sqlRoutes } from './routes/sql.js';
import { DEFAULT_CONSOLE_LIMITS, type ConsoleLimits } from '../console/limits.js';
import { scoreReads, scoreRoutes } from './routes/scores.js';
import { reportRoutes } from './routes/report.js';
import { limitBodies } from './body-limit.js';
import { allowedHosts } from './hosts.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from './http-config.js';
import { securityHeaders } from './security-headers.js';
import { DEFAULT_ACCESS_CONFIG, type AccessConfig } from '../access/config.js';
import { Scopes } from '../access/scope.js';
import { Sessions } from '../access/sessions.js';
import type { DemoAccount } from '../contracts/access.js';
import { accessControl } from './access.js';
import { patternMatcher } from './route-rules.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { oidcRoutes } from './routes/oidc.js';
import { dashboardFiles } from './static.js';
import { evaluationRoutes } from './routes/evaluation.js';
import { DEFAULT_EVALUATION_CONFIG, type EvaluationConfig } from '../evaluation/config.js';
import { type Clock, SYSTEM_CLOCK } from '../evaluation/context.js';
import type { TransitionDeps } from '../evaluation/transitions.js';
import { MartRefresher } from '../ingest/marts.js';
import { latestFrozen } from '../evaluation/difference.js';

export const DASHBOARD_DIST = join(ROOT, 'dashboard/dist');

export interface AppOptions {
  console?: ConsoleLimits;
  /** Sources of live events for GET /api/events (the collector, the alert monitor). */
  events?: EventEmitter[];
  /** The configured collectors' names (feed filters may name them before they first run). */
  collectors?: string[];
  /** Hosts answered to and the largest request body. */
  http?: HttpConfig;
  /** Refreshes the marts after a manual-score import (the collectors' refresher, with its retries). */
  marts?: MartRefresher;
  /** Sessions, lock-out and single sign-on (config `access`). */
  access?: AccessConfig;
  /** Listed on the login page while the embedded demo source is in use. */
  demoAccounts?: readonly DemoAccount[];
  /** The sessions' clock (tests of expiry). */
  now?: () => Date;
  /** Evidence limits of evaluation rounds (config `evaluation`). */
  evaluation?: EvaluationConfig;
  /** The day evaluation deadlines are counted against (tests walk it through the calendar). */
  evaluationClock?: Clock;
  /** Renders the report PDF frozen on approval (default: report/, as /api/report.pdf). */
  frozenReportPdf?: TransitionDeps['renderPdf'];
}

/** The app's registered routes (not middleware) as a test of a request's method and path. */
function registeredRoutes(app: Hono): (method: string, path: string) => boolean {
  let routes: { method: string; matcher: RegExp }[] = [];
  let seen = -1;
  return (method, path) => {
    // Compiled again whenever routes were added since, so a route registered later is not missed.
    if (seen !== app.routes.length) {
      routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method, matcher: patternMatcher(r.path) }));
      seen = app.routes.length;
    }
    const m = method === 'HEAD' ? 'GET' : method;
    return routes.some((r) => r.method === m && r.matcher.test(path));
  };
}

export async function createApp(db: Database, opts: AppOptions = {}): Promise<Hono> {
  const dims = await loadDims(db);
  const app = new Hono();
  app.onError((err, c) => {
    // A detail (the console's technical reason, DuckDB's message) goes beneath the message.
    if (err instanceof HTTPException) {
      const { detail } = err as { detail?: unknown };
      return c.json(typeof detail === 'string' ? { error: err.message, detail } : { error: err.message }, err.status);
    }
    console.error(err);
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));
  const http = opts.http ?? DEFAULT_HTTP_CONFIG;
  app.use(allowedHosts(http.allowedHosts));
  app.use(securityHeaders());
  app.use('/api/*', limitBodies(http.maxBodyBytes));
  const accessConfig = opts.access ?? DEFAULT_ACCESS_CONFIG;
  const sessions = new Sessions(db, accessConfig, opts.now);
  app.use('/api/*', accessControl(sessions, await Scopes.load(db), registeredRoutes(app)));
  // JSON and CSV answers are compressed (gzip); the event stream and Arrow are left as they are.
  app.use('/api/*', compress());

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api', authRoutes(sessions, opts.demoAccounts ?? [], accessConfig.oidc?.label ?? null));
  app.route('/api', oidcRoutes(db, sessions, accessConfig.oidc));
  app.route('/api', auditRoutes(db, dims));
  app.route('/api', referenceRoutes(db, dims));
  app.route('/api', indicatorRoutes(db, dims));
  app.route('/api', opsRoutes(db, dims, opts.collectors));
  app.route('/api', await sqlRoutes(db, dims, opts.console ?? DEFAULT_CONSOLE_LIMITS));
  app.route('/api', scoreRoutes(db, dims, opts.marts));
  app.route('/api', overviewRoutes(db, dims));
  app.route('/api', alertRoutes(db, dims));
  app.route('/api', eventRoutes(opts.events ?? []));
  app.route('/api', reportRoutes(db, dims));
  app.route(
    '/api',
    evaluationRoutes(db, dims, {
      marts: opts.marts ?? new MartRefresher(db),
      clock: opts.evaluationClock ?? SYSTEM_CLOCK,
      config: opts.evaluation ?? DEFAULT_EVALUATION_CONFIG,
      renderPdf: opts.frozenReportPdf,
    }),
  );
  // The pages' panels in one request each, from the same reads as the table endpoints.
  const reads = { ...referenceReads(db), ...indicatorReads(db), ...overviewReads(db), ...alertReads(db), ...scoreReads(db) };
  app.route(
    '/api',
    pageRoutes(
      reads,
      dims,
      (region, year, scheme) => latestFrozen(db, region, year, scheme),
      (key, make) => db.derived(key, make, (made) => made.bytes),
    ),
  );

  // The dashboard keeps its state in the query string, so static files are all it needs.
  if (existsSync(DASHBOARD_DIST)) app.use('/*', dashboardFiles(DASHBOARD_DIST));
  return app;
}
