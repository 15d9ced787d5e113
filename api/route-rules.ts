// Who may call which route: ONE table, route pattern and method → rule. The access middleware
// (api/access.ts) enforces it before any handler runs; a registered route without a rule is
// refused (default deny), and test/integration/access-matrix.test.ts checks every route of the
// app against this table, for every role, in and out of scope.
import type { Reach } from '../access/scope.js';
import type { Role } from '../access/roles.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteRule {
  /** 'public': no session needed; 'signed-in': any signed-in user; else the roles allowed. */
  roles: 'public' | 'signed-in' | readonly Role[];
  /** The query parameter naming the region asked about, and how far the user's scope must
   * reach it: 'own' (their region and below), 'peer' (also what a 通报 shows them: peers'
   * indicator values and ranks). Without the parameter, only a province-wide scope passes. */
  scope?: { param: string; reach: Reach };
  /** Changes stored state (every POST, PUT and DELETE needs the CSRF token and a same Origin). */
  writes: boolean;
}

/** Every role: dashboards, within scope. */
const VIEWERS: readonly Role[] = ['admin', 'leader', 'analyst', 'agency', 'evaluator'];
const CONSOLE: readonly Role[] = ['admin', 'analyst'];
const ADMIN: readonly Role[] = ['admin'];
/** Who may be a round's 评价工作组 (evaluation/plan.ts: admins, the province's leaders). */
const WORKGROUP: readonly Role[] = ['admin', 'leader'];

const open = { roles: 'public', writes: false } as const;
const anyone = { roles: 'signed-in', writes: false } as const;
const view = (param: string, reach: Reach, roles = VIEWERS): RouteRule => ({ roles, scope: { param, reach }, writes: false });

export const ROUTE_RULES: Record<`${Method} /api/${string}`, RouteRule> = {
  'GET /api/health': open,
  // Signing in and out.
  'GET /api/auth/session': open,
  'GET /api/auth/demo-accounts': open,
  'POST /api/auth/login': { roles: 'public', writes: true },
  'GET /api/auth/oidc/start': open,
  'GET /api/auth/oidc/callback': open,
  'POST /api/auth/logout': { roles: 'signed-in', writes: true },
  'POST /api/auth/logout-all': { roles: 'signed-in', writes: true },
  'POST /api/auth/password': { roles: 'signed-in', writes: true },
  // Reference data and live events: no region's figures.
  'GET /api/regions': anyone,
  'GET /api/metrics': anyone,
  'GET /api/catalogue': anyone,
  'GET /api/periods': anyone,
  'GET /api/schemes': anyone,
  'GET /api/alert-rules': anyone,
  'GET /api/calendar/status': anyone,
  'GET /api/events': anyone,
  // Indicator values and ranks: what a 通报 publishes, so peers' too.
  'GET /api/values': view('region', 'peer'),
  'GET /api/service-kpis': view('region', 'peer'),
  'GET /api/compare/vertical': view('region', 'peer'),
  'GET /api/compare/horizontal': view('parent', 'peer'),
  'GET /api/movers': view('region', 'peer'),
  'GET /api/heatmap': view('parent', 'peer'),
  'GET /api/scores/ranking': view('parent', 'peer'),
  // A region's own analysis: score breakdowns, reports, alerts — own region and below only.
  'GET /api/peer-series': view('region', 'own'),
  'GET /api/alerts': view('region', 'own'),
  'GET /api/scores': view('region', 'own'),
  'GET /api/scores/items': view('region', 'own'),
  'GET /api/scores/indicators': view('region', 'own'),
  'GET /api/scores/indicator-series': view('region', 'own'),
  'GET /api/scores/lost': view('region', 'own'),
  'GET /api/report': view('region', 'own'),
  'GET /api/report.pdf': view('region', 'own'),
  'GET /api/reports/versions': view('region', 'own', ['admin', 'leader', 'analyst']),
  // A page's panels in one request: the region's own page; each panel's query must also pass
  // its table endpoint's rule (api/routes/pages.ts), so peers' values only where those allow.
  'GET /api/pages/overview': view('region', 'own'),
  'GET /api/pages/agency': view('region', 'own'),
  'GET /api/pages/scores': view('region', 'own'),
  // Manual scores decide official grades: evaluators (their regions, checked per row) and admins.
  'POST /api/manual-scores': { roles: ['admin', 'evaluator'], writes: true },
  // Operations: raw rows of every region.
  'GET /api/feeds/health': { roles: ADMIN, writes: false },
  'GET /api/runs': { roles: ADMIN, writes: false },
  'GET /api/quarantine': { roles: ADMIN, writes: false },
  'GET /api/audit': { roles: ADMIN, writes: false },
  // The SQL console: its queries read the console's views filtered to the user's region and
  // below (console/relations.ts), so the rule checks the role only.
  'POST /api/sql': { roles: CONSOLE, writes: false },
  'GET /api/sql/schema': { roles: CONSOLE, writes: false },
  'GET /api/sql/examples': { roles: CONSOLE, writes: false },
  'GET /api/sql/saved': { roles: CONSOLE, writes: false },
  'PUT /api/sql/saved/:name': { roles: CONSOLE, writes: true },
  'DELETE /api/sql/saved/:name': { roles: CONSOLE, writes: true },
  // The evaluation round: any role may be a member; the round's membership (evaluation/members.ts)
  // decides who sees and does what, answering 403 with the reason. Plans and publication: the workgroup.
  'GET /api/evaluation/rounds': { roles: VIEWERS, writes: false },
  'POST /api/evaluation/rounds': { roles: WORKGROUP, writes: true },
  'GET /api/evaluation/rounds/:id': { roles: VIEWERS, writes: false },
  'GET /api/evaluation/rounds/:id/regions/:region/form': { roles: VIEWERS, writes: false },
  'PUT /api/evaluation/rounds/:id/regions/:region/entries': { roles: VIEWERS, writes: true },
  'POST /api/evaluation/rounds/:id/regions/:region/entries/submit': { roles: VIEWERS, writes: true },
  'POST /api/evaluation/rounds/:id/regions/:region/evidence': { roles: VIEWERS, writes: true },
  'GET /api/evaluation/evidence/:id': { roles: VIEWERS, writes: false },
  'POST /api/evaluation/rounds/:id/regions/:region/transitions': { roles: VIEWERS, writes: true },
  'GET /api/evaluation/rounds/:id/regions/:region/history': { roles: VIEWERS, writes: false },
  'GET /api/evaluation/rounds/:id/regions/:region/frozen': { roles: VIEWERS, writes: false },
  'GET /api/evaluation/rounds/:id/regions/:region/report.pdf': { roles: VIEWERS, writes: false },
  'GET /api/evaluation/frozen': view('region', 'own'),
  'POST /api/evaluation/rounds/:id/publish': { roles: WORKGROUP, writes: true },
  'GET /api/evaluation/rounds/:id/bulletin': { roles: VIEWERS, writes: false },
};

export interface RuleMatch {
  key: string;
  rule: RouteRule;
}

/** A route pattern ('/api/sql/saved/:name') as a matcher of request paths. */
export function patternMatcher(pattern: string): RegExp {
  const body = pattern
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}/?$`);
}

const COMPILED = Object.entries(ROUTE_RULES).map(([key, rule]) => {
  const [method, pattern] = key.split(' ');
  return { key, method, matcher: patternMatcher(pattern), rule };
});

/** The rule for a request (HEAD is answered as GET), or null when the table has none. */
export function ruleFor(method: string, path: string): RuleMatch | null {
  const m = method === 'HEAD' ? 'GET' : method;
  const hit = COMPILED.find((r) => r.method === m && r.matcher.test(path));
  return hit ? { key: hit.key, rule: hit.rule } : null;
}
