// The role × route matrix, generated from the route table (api/route-rules.ts): every rule,
// every role (and no session), a region in the user's own subtree, a peer region and one
// outside, with the status the table implies — the handler's answer (200 unless the example
// says), 401 without a session, 403 for a role not listed or a region out of reach. The
// app's registered routes must be exactly the table's, so a new route without a rule fails.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../access/roles.js';
import { createApp } from '../../api/app.js';
import { ROUTE_RULES } from '../../api/route-rules.js';
import type { Database } from '../../warehouse/database.js';
import { EXAMPLES, exampleRequest, MATRIX_REGION, matrixLogin, REGIONS, type RuleKey, signInRoles, statusOf } from '../support/access-matrix.js';
import { signIn } from '../support/auth.js';
import { scoreFixture } from '../support/score-fixture.js';

let db: Database;
let app: Hono;
let users: Awaited<ReturnType<typeof signInRoles>>;

beforeAll(async () => {
  db = (await scoreFixture()).db;
  app = await createApp(db);
  users = await signInRoles(db);
});

afterAll(() => db.close());

type Where = keyof typeof REGIONS;

/** What the table says the caller gets. */
function expected(key: RuleKey, role: Role | null, where: Where): number {
  const rule = ROUTE_RULES[key];
  const ok = EXAMPLES[key].ok ?? 200;
  if (rule.roles === 'public') return ok;
  if (role === null) return 401;
  if (rule.roles !== 'signed-in' && !rule.roles.includes(role)) return 403;
  if (!rule.scope || role === 'admin') return ok;
  if (where === 'own') return ok;
  return where === 'peer' && rule.scope.reach === 'peer' ? ok : 403;
}

const KEYS = Object.keys(ROUTE_RULES) as RuleKey[];
/** A rule whose region parameter the cases vary. */
const regionalRule = (key: RuleKey) => typeof ROUTE_RULES[key].scope === 'object';
const CALLERS: (Role | null)[] = [null, ...ROLES];
const CASES = KEYS.flatMap((key) =>
  CALLERS.flatMap((role) => (regionalRule(key) ? (Object.keys(REGIONS) as Where[]) : (['own'] as Where[])).map((where) => ({ key, role, where }))),
);

describe('the route table', () => {
  it('has a rule for every registered route and a route for every rule', () => {
    const registered = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...registered].sort()).toEqual([...KEYS].sort());
  });

  it('has an example for every rule', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...KEYS].sort());
  });

  it('refuses a route registered without a rule (default deny), even for an administrator', async () => {
    const extra = await createApp(db);
    extra.get('/api/unruled', (c) => c.json({ leaked: true }));
    const admin = await signIn(db, { login: 'm-admin', roles: ['admin'], region: '370100' });
    const res = await extra.request('/api/unruled', { headers: admin.headers });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/没有访问规则/);
    // An unknown path is still a 404, not a hint that something is there.
    expect((await extra.request('/api/nothing-here', { headers: admin.headers })).status).toBe(404);
  });

  it('marks every POST, PUT and DELETE but the console query as changing state, and no GET', () => {
    const wrong = KEYS.filter((k) => ROUTE_RULES[k].writes !== (!k.startsWith('GET ') && k !== 'POST /api/sql'));
    expect(wrong).toEqual([]);
  });
});

describe('role × route × region', () => {
  it.each(CASES)('$key as $role, region $where', async ({ key, role, where }) => {
    const writes = !key.startsWith('GET ');
    // Writes get a session of their own, of a twin account: logging out everywhere or a
    // password change must not end the sessions the reads use.
    const who = role === null ? null : writes ? await signIn(db, { login: `${matrixLogin(role)}-w`, roles: [role], region: MATRIX_REGION }) : users[role];
    const headers = { ...(who?.headers ?? {}), ...(writes ? { origin: 'http://localhost' } : {}) };
    const { status, error } = await statusOf(app, exampleRequest(key, REGIONS[where], headers));
    expect(status, error).toBe(expected(key, role, where));
  });
});

describe('the audit log', () => {
  it('lost no row while every route was tried by every role (ids run 1..n without a gap)', async () => {
    const [{ n, max }] = await db.rows<{ n: number; max: number }>('SELECT count(*)::INT AS n, max(id)::INT AS max FROM audit_log');
    expect(n).toBeGreaterThan(CASES.length / 10);
    expect(max).toBe(n);
  });
});
