// Every table endpoint of the endpoint table (contracts/endpoints.ts), called on a small
// database filled through the collectors, answers with exactly its contract's columns, and
// every row parses as the contract says (types and NULLs included): the SQL side cannot
// drift from the contracts the dashboard is compiled against.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import { ENDPOINTS, type QueryOf, type TablePath } from '../../contracts/endpoints.js';
import { issueText } from '../../core/validation.js';
import type { Database } from '../../warehouse/database.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { evaluateAlerts } from '../support/alerts.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { cases, upload } from '../support/jinan-fixture.js';

/** Parameters for each endpoint that find rows in the fixture; the type asks for every endpoint. */
const EXAMPLES: { [P in TablePath]: QueryOf<P> } = {
  '/api/regions': {},
  '/api/metrics': {},
  '/api/catalogue': {},
  '/api/values': { metric: 'on_time_rate', region: '370102' },
  '/api/service-kpis': { region: '370102', period: '2025-03' },
  '/api/compare/vertical': { metric: 'online_rate', region: '370103' },
  '/api/compare/horizontal': { metric: 'on_time_rate', parent: '370100', period: '2025-03' },
  '/api/periods': {},
  '/api/movers': { metric: 'online_rate', region: '370100', level: 'county', period: '2025-03' },
  '/api/heatmap': { metric: 'on_time_rate', parent: '370100' },
  '/api/peer-series': { region: '370102' },
  '/api/alerts': { region: '370000', status: 'all' },
  '/api/alert-rules': {},
  '/api/schemes': {},
  '/api/scores': { scheme: 'standard', region: '370102' },
  '/api/scores/items': { scheme: 'standard', region: '370102', period: '2025-03' },
  '/api/scores/indicators': { scheme: 'standard', region: '370102', period: '2025-03' },
  '/api/scores/indicator-series': { scheme: 'standard', region: '370103', metric: 'online_rate' },
  '/api/scores/lost': { scheme: 'standard', region: '370102', period: '2025-03' },
  '/api/scores/ranking': { scheme: 'standard', parent: '370100', period: '2025-03' },
  '/api/feeds/health': {},
  '/api/runs': {},
  '/api/quarantine': {},
  '/api/calendar/status': {},
  '/api/reports/versions': { region: '370102' },
  '/api/sql/saved': {},
  '/api/sql/schema': {},
  '/api/sql/examples': {},
  '/api/audit': {},
};

let db: Database;
let source: FeedServer;
let app: Hono;

beforeAll(async () => {
  db = await freshDb();
  // The two counties' cases, one of them refused (a channel nobody knows: quarantined), and
  // an upload that never arrives (an alert).
  const refused = { ...cases[0], id: 'X1', case_id: 'X1', channel: 'fax' };
  source = await startFeedServer({ cases: [...cases, refused], uploads: [upload(null)] });
  await collectAll(db, source.url, ['cases', 'uploads']);
  // A statistical report restated once.
  await db.exec(`INSERT INTO raw_report VALUES
    ('370102', DATE '2025-03-01', 'insured', 1000, 1, TIMESTAMP '2025-04-10 09:00:00', 0),
    ('370102', DATE '2025-03-01', 'insured', 1100, 2, TIMESTAMP '2025-05-06 15:00:00', 0)`);
  await refreshMarts(db);
  await evaluateAlerts(db);
  app = await signedInApp(db);
  await app.request('/api/sql/saved/x', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'SELECT 1' }) });
});

afterAll(async () => {
  await source.close();
  db.close();
});

describe('every table endpoint answers with its contract', () => {
  it('has examples for exactly the endpoints of the table', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  it.each(Object.keys(ENDPOINTS) as TablePath[])('%s', async (path) => {
    const res = await app.request(`${path}?${new URLSearchParams(EXAMPLES[path] as Record<string, string>)}`);
    const body = await res.json();
    expect(res.status, body.error).toBe(200);
    const row = ENDPOINTS[path].row.strict();
    const columns = Object.keys(row.shape).sort();
    // Table responses name their columns even when empty; the rest give rows only.
    if (body.columns) expect(body.columns.map((c: { name: string }) => c.name).sort()).toEqual(columns);
    expect(body.data.length, 'rows in the fixture').toBeGreaterThan(0);
    const wrong = (body.data as unknown[]).flatMap((r, i) => {
      const parsed = row.safeParse(r);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issueText(issue, r, `data[${i}]`));
    });
    expect(wrong).toEqual([]);
  });
});
