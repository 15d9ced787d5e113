// What the access tests share: one example request for every rule of the route table
// (api/route-rules.ts) that its handler answers without complaint when the caller may make it,
// the region it asks about put in by the test; and the users of the matrix, one per role,
// all of 济南市 (370100).
import type { Hono } from 'hono';
import { ROLES, type Role } from '../../access/roles.js';
import { ROUTE_RULES } from '../../api/route-rules.js';
import type { Database } from '../../warehouse/database.js';
import { A } from './score-fixture.js';
import { type SignedIn, signIn, TEST_PASSWORD } from './auth.js';

export type RuleKey = keyof typeof ROUTE_RULES;

export interface Example {
  /** Query parameters besides the scoped one. */
  query?: Record<string, string>;
  /** The path for a pattern with parameters. */
  path?: () => string;
  body?: () => { type: string; body: string };
  /** What the handler answers an allowed caller (200 unless said). */
  ok?: number;
}

const json = (v: unknown) => () => ({ type: 'application/json', body: JSON.stringify(v) });
let saved = 0;
const SCORE = { scheme: 'standard', period: '2025-03' };
const NO_ROUND = '/api/evaluation/rounds/999999';

export const MATRIX_REGION = '370100'; // 济南市
/** A county below it, a peer city, and a county of that peer: own, peer and out of scope. */
export const REGIONS = { own: A, peer: '370200', outside: '370202' } as const;

export const EXAMPLES: Record<RuleKey, Example> = {
  'GET /api/health': {},
  'GET /api/auth/session': {},
  'GET /api/auth/demo-accounts': {},
  'POST /api/auth/login': { body: json({ login: 'm-leader', password: TEST_PASSWORD }) },
  // No identity service configured: the handler says so.
  'GET /api/auth/oidc/start': { ok: 404 },
  'GET /api/auth/oidc/callback': { ok: 404 },
  'POST /api/auth/logout': {},
  'POST /api/auth/logout-all': {},
  'POST /api/auth/password': { body: json({ current: TEST_PASSWORD, next: TEST_PASSWORD }) },
  'GET /api/regions': {},
  'GET /api/metrics': {},
  'GET /api/catalogue': {},
  'GET /api/periods': {},
  'GET /api/schemes': {},
  'GET /api/alert-rules': {},
  'GET /api/calendar/status': {},
  'GET /api/events': {},
  'GET /api/values': { query: { metric: 'online_rate' } },
  'GET /api/service-kpis': { query: { period: '2025-03' } },
  'GET /api/compare/vertical': { query: { metric: 'online_rate' } },
  'GET /api/compare/horizontal': { query: { metric: 'online_rate', period: '2025-03' } },
  'GET /api/movers': { query: { metric: 'online_rate', level: 'county', period: '2025-03' } },
  'GET /api/heatmap': { query: { metric: 'online_rate' } },
  'GET /api/scores/ranking': { query: SCORE },
  'GET /api/peer-series': {},
  'GET /api/alerts': {},
  'GET /api/scores': { query: SCORE },
  'GET /api/scores/items': { query: SCORE },
  'GET /api/scores/indicators': { query: SCORE },
  'GET /api/scores/indicator-series': { query: { ...SCORE, metric: 'online_rate' } },
  'GET /api/scores/lost': { query: SCORE },
  // A year without scores: an allowed caller is told there is no report.
  'GET /api/report': { query: { year: '2031' }, ok: 404 },
  'GET /api/report.pdf': { query: { year: '2031' }, ok: 404 },
  'GET /api/reports/versions': {},
  'GET /api/pages/overview': { query: { period: '2025-03', metric: 'online_rate', scheme: 'standard' } },
  'GET /api/pages/agency': { query: { year: '2025', scheme: 'standard' } },
  'GET /api/pages/scores': { query: { scheme: 'standard' } },
  'POST /api/manual-scores': {
    body: () => ({ type: 'text/csv', body: `region,year,indicator,score,assessor,mode\n${A},2025,5.3.1,90,matrix,第三方评价` }),
  },
  'GET /api/feeds/health': {},
  'GET /api/runs': {},
  'GET /api/quarantine': {},
  'GET /api/audit': {},
  'POST /api/sql': { body: json({ query: 'SELECT 1 AS one' }) },
  'GET /api/sql/schema': {},
  'GET /api/sql/examples': {},
  'GET /api/sql/saved': {},
  // A new name each time: a query saved by another user is theirs to change.
  'PUT /api/sql/saved/:name': { path: () => `/api/sql/saved/matrix-${++saved}`, body: json({ query: 'SELECT 2' }) },
  // Nobody saved it: an allowed caller is told so.
  'DELETE /api/sql/saved/:name': { path: () => '/api/sql/saved/nobody-saved-this', ok: 404 },
  // The evaluation round: the matrix users are members of no round, so a round nobody planned
  // answers every allowed caller alike (404); membership refusals are test/integration/evaluation.test.ts's.
  'GET /api/evaluation/rounds': {},
  // An empty plan: refused by its shape before anything else, for every allowed caller.
  'POST /api/evaluation/rounds': { body: json({}), ok: 400 },
  'GET /api/evaluation/rounds/:id': { path: () => NO_ROUND, ok: 404 },
  'GET /api/evaluation/rounds/:id/regions/:region/form': { path: () => `${NO_ROUND}/regions/${A}/form`, ok: 404 },
  'PUT /api/evaluation/rounds/:id/regions/:region/entries': {
    path: () => `${NO_ROUND}/regions/${A}/entries`,
    body: json({ mode: '自我评价', entries: [{ indicator_code: '5.3.1', score: 90, comment: '' }] }),
    ok: 404,
  },
  'POST /api/evaluation/rounds/:id/regions/:region/entries/submit': {
    path: () => `${NO_ROUND}/regions/${A}/entries/submit`,
    body: json({ mode: '第三方评价' }),
    ok: 404,
  },
  'POST /api/evaluation/rounds/:id/regions/:region/evidence': {
    path: () => `${NO_ROUND}/regions/${A}/evidence`,
    body: () => ({
      type: 'multipart/form-data; boundary=matrix',
      body: '--matrix\r\nContent-Disposition: form-data; name="indicator_code"\r\n\r\n5.3.1\r\n--matrix\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--matrix--\r\n',
    }),
    ok: 404,
  },
  'GET /api/evaluation/evidence/:id': { path: () => '/api/evaluation/evidence/999999', ok: 404 },
  'POST /api/evaluation/rounds/:id/regions/:region/transitions': {
    path: () => `${NO_ROUND}/regions/${A}/transitions`,
    body: json({ action: 'submit' }),
    ok: 404,
  },
  'GET /api/evaluation/rounds/:id/regions/:region/history': { path: () => `${NO_ROUND}/regions/${A}/history`, ok: 404 },
  'GET /api/evaluation/rounds/:id/regions/:region/frozen': { path: () => `${NO_ROUND}/regions/${A}/frozen`, ok: 404 },
  'GET /api/evaluation/rounds/:id/regions/:region/report.pdf': { path: () => `${NO_ROUND}/regions/${A}/report.pdf`, ok: 404 },
  // Nothing frozen: null.
  'GET /api/evaluation/frozen': { query: { year: '2025', scheme: 'standard' } },
  'POST /api/evaluation/rounds/:id/publish': { path: () => `${NO_ROUND}/publish`, ok: 404 },
  'GET /api/evaluation/rounds/:id/bulletin': { path: () => `${NO_ROUND}/bulletin`, ok: 404 },
};

/** The request of an example, the scoped parameter (if any) naming `region`. */
export function exampleRequest(key: RuleKey, region: string, headers: Record<string, string>): Request {
  const [method, pattern] = key.split(' ');
  const example = EXAMPLES[key];
  const rule = ROUTE_RULES[key];
  const query = new URLSearchParams({ ...example.query, ...(typeof rule.scope === 'object' ? { [rule.scope.param]: region } : {}) });
  const body = example.body?.();
  return new Request(`http://localhost${example.path?.() ?? pattern}${query.size ? `?${query}` : ''}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': body.type } : {}) },
    body: body?.body,
  });
}

export const matrixLogin = (role: Role) => `m-${role}`;

/** Signs in the matrix user of each role (a new session each call). */
export async function signInRoles(db: Database): Promise<Record<Role, SignedIn>> {
  const entries = [];
  for (const role of ROLES) entries.push([role, await signIn(db, { login: matrixLogin(role), roles: [role], region: MATRIX_REGION })] as const);
  return Object.fromEntries(entries) as Record<Role, SignedIn>;
}

/** Sends the request; a stream (the live events) is cancelled once its status is known. */
export async function statusOf(app: Hono, req: Request): Promise<{ status: number; error?: string }> {
  const res = await app.fetch(req);
  if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
    await res.body?.cancel();
    return { status: res.status };
  }
  const text = await res.text();
  let error: string | undefined;
  try {
    error = JSON.parse(text).error;
  } catch {
    // HTML or CSV
  }
  return { status: res.status, error };
}
