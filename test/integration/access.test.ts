// Sessions, CSRF and same-origin writes, and the audit log, through the HTTP API as a browser
// would reach it (cookies, Origin, the x-csrf-token header).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ROUTE_RULES } from '../../api/route-rules.js';
import { ROOT } from '../../core/paths.js';
import type { Database } from '../../warehouse/database.js';
import { exampleRequest, REGIONS, type RuleKey } from '../support/access-matrix.js';
import { signIn, TEST_PASSWORD } from '../support/auth.js';
import { A, B, scoreFixture } from '../support/score-fixture.js';

let db: Database;
let app: Hono;
let clock = Date.parse('2026-03-01T08:00:00Z');

beforeAll(async () => {
  db = (await scoreFixture()).db;
  // Lock after 3 failures for 10 minutes; sessions of 2 hours, 30 idle minutes.
  app = await createApp(db, {
    access: { sessionHours: 2, idleMinutes: 30, maxFailures: 3, lockMinutes: 10, oidc: null },
    now: () => new Date(clock),
  });
});

afterAll(() => db.close());

const ORIGIN = 'http://localhost';
const jsonPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers }, body: JSON.stringify(body) });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

async function login(loginName: string, password = TEST_PASSWORD) {
  const res = await jsonPost('/api/auth/login', { login: loginName, password });
  const body = await res.json();
  return { res, body, headers: { cookie: cookieOf(res), 'x-csrf-token': body.csrf_token ?? '', origin: ORIGIN } };
}

const auditRows = (action: string) =>
  db.rows<{ actor: string | null; target: string | null; before: string | null; after: string | null }>(
    'SELECT actor, target, before::VARCHAR AS before, after::VARCHAR AS after FROM audit_log WHERE action = $action ORDER BY id',
    { action },
  );

describe('sessions', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie and tells the dashboard the user and CSRF token', async () => {
    await signIn(db, { login: 's-leader', roles: ['leader'], region: '370100' });
    const { res, body, headers } = await login('s-leader');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^si_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(body.user).toMatchObject({ login: 's-leader', region_code: '370100', roles: ['leader'], role_names: ['领导'] });
    const session = await (await app.request('/api/auth/session', { headers })).json();
    expect(session.csrf_token).toBe(body.csrf_token);
    // Only the token's hash is stored.
    const token = cookie.split(';')[0].split('=')[1];
    expect(await db.rows('SELECT 1 FROM app_session WHERE id_hash = $t', { t: token })).toEqual([]);
  });

  it('locks the account after the configured failures, even for the right password, until the lock ends', async () => {
    await signIn(db, { login: 's-lock', roles: ['leader'], region: '370100' });
    for (let i = 0; i < 3; i++) expect((await login('s-lock', 'wrong-password')).res.status).toBe(401);
    const locked = await login('s-lock');
    expect(locked.res.status).toBe(401);
    expect(locked.body.error).toMatch(/已锁定/);
    clock += 11 * 60_000; // past the 10-minute lock
    expect((await login('s-lock')).res.status).toBe(200);
  });

  it('ends a session after its hours and when idle', async () => {
    await signIn(db, { login: 's-idle', roles: ['leader'], region: '370100' });
    const a = await login('s-idle');
    clock += 25 * 60_000; // 25 idle minutes: still in (and seen now)
    expect((await app.request('/api/regions', { headers: a.headers })).status).toBe(200);
    clock += 31 * 60_000; // 31 more idle minutes: over the 30
    expect((await app.request('/api/regions', { headers: a.headers })).status).toBe(401);
    const b = await login('s-idle');
    for (let i = 0; i < 5; i++) {
      clock += 25 * 60_000; // active every 25 minutes, 125 minutes in all: past the 2 hours
      await app.request('/api/regions', { headers: b.headers });
    }
    expect((await app.request('/api/regions', { headers: b.headers })).status).toBe(401);
  });

  it("answers a session's requests while a refresh holds the writer, and notes it as seen once the writer is free", async () => {
    await signIn(db, { login: 's-busy', roles: ['leader'], region: '370100' });
    const a = await login('s-busy');
    clock += 2 * 60_000; // last seen 2 minutes ago: this request writes last_seen again
    let release = () => {};
    const held = db.exclusive(() => new Promise<void>((r) => (release = r))); // as a collector's refresh would
    const id = createHash('sha256').update(a.headers.cookie.split('=')[1]).digest('hex');
    const lastSeen = async () => Number((await db.rows<{ ms: number }>('SELECT epoch_ms(last_seen) AS ms FROM app_session WHERE id_hash = $id', { id }))[0].ms);
    try {
      const answered = await Promise.race([
        Promise.resolve(app.request('/api/regions', { headers: a.headers })).then((r) => r.status),
        sleep(5_000).then(() => 'waited for the writer'),
      ]);
      expect(answered).toBe(200);
      expect(await lastSeen()).toBe(clock - 2 * 60_000);
    } finally {
      release();
    }
    await held;
    await sleep(50); // the queued write runs next
    expect(await lastSeen()).toBe(clock);
  });

  it('logs out one session, logs out everywhere, and changes the password ending the other sessions', async () => {
    await signIn(db, { login: 's-out', roles: ['leader'], region: '370100' });
    const [one, two, three] = [await login('s-out'), await login('s-out'), await login('s-out')];
    expect((await jsonPost('/api/auth/logout', {}, one.headers)).status).toBe(200);
    expect((await app.request('/api/regions', { headers: one.headers })).status).toBe(401);
    expect((await app.request('/api/regions', { headers: two.headers })).status).toBe(200);
    // Three was just used, so the server holds it as found (Sessions reuses a session for a few
    // seconds): logging out everywhere must end it at once all the same.
    expect((await app.request('/api/regions', { headers: three.headers })).status).toBe(200);
    expect((await jsonPost('/api/auth/logout-all', {}, two.headers)).status).toBe(200);
    expect((await app.request('/api/regions', { headers: three.headers })).status).toBe(401);

    const [four, five] = [await login('s-out'), await login('s-out')];
    expect((await app.request('/api/regions', { headers: five.headers })).status).toBe(200);
    const wrong = await jsonPost('/api/auth/password', { current: 'not-it', next: 'new-password-2' }, four.headers);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('当前密码不正确');
    expect((await jsonPost('/api/auth/password', { current: TEST_PASSWORD, next: 'short' }, four.headers)).status).toBe(400);
    expect((await jsonPost('/api/auth/password', { current: TEST_PASSWORD, next: 'new-password-2' }, four.headers)).status).toBe(200);
    expect((await app.request('/api/regions', { headers: four.headers })).status).toBe(200);
    expect((await app.request('/api/regions', { headers: five.headers })).status).toBe(401);
    expect((await login('s-out')).res.status).toBe(401);
    expect((await login('s-out', 'new-password-2')).res.status).toBe(200);
  });

  it('opens the SQL console to analysts of every level, each over their own region and below', async () => {
    await signIn(db, { login: 's-province', roles: ['analyst'], region: '370000' });
    await signIn(db, { login: 's-city', roles: ['analyst'], region: '370100' });
    const count = async (login_: string) =>
      (await (await jsonPost('/api/sql', { query: 'SELECT count(*) AS n FROM dim_region' }, (await login(login_)).headers)).json()).data[0].n;
    // 济南市 itself and every division and zone under it, as the seeds list them.
    const [{ n: jinan }] = await db.rows<{ n: number }>("SELECT count(*) AS n FROM dim_region WHERE code = '370100' OR parent_code = '370100'");
    const [{ n: all }] = await db.rows<{ n: number }>('SELECT count(*) AS n FROM dim_region');
    expect(await count('s-province')).toBe(all);
    expect(await count('s-city')).toBe(jinan);
    expect(jinan).toBeLessThan(all);
  });

  it('shows a user without a region nothing of any region', async () => {
    await signIn(db, { login: 's-none', roles: ['leader'], region: null });
    const { headers } = await login('s-none');
    expect((await app.request('/api/regions', { headers })).status).toBe(200);
    for (const region of ['370000', '370100', A]) expect((await app.request(`/api/values?metric=online_rate&region=${region}`, { headers })).status).toBe(403);
  });
});

/** Everything an application write could change. */
async function fingerprint(): Promise<unknown[]> {
  return db.rows(
    `SELECT (SELECT count(*) FROM audit_log)::INT AS audit, (SELECT count(*) FROM app_session)::INT AS sessions,
            (SELECT count(*) FROM console_saved_query)::INT AS saved, (SELECT count(*) FROM app_user)::INT AS users,
            (SELECT string_agg(password_hash, ',' ORDER BY login) FROM app_user) AS hashes,
            (SELECT string_agg(score::VARCHAR || mode, ',' ORDER BY region_code, year, indicator_code, mode) FROM raw_manual_score) AS scores`,
  );
}

describe('cross-origin and token-less writes', () => {
  const WRITES = (Object.keys(ROUTE_RULES) as RuleKey[]).filter((k) => !k.startsWith('GET '));
  const FORMS: [string, string, () => BodyInit][] = [
    ['text/plain', 'text/plain', () => '{"query":"SELECT 1","login":"s-form","password":"test-password-1"}'],
    [
      'multipart',
      '',
      () => {
        const f = new FormData();
        f.set('file', new File([`region,year,indicator,score,assessor,mode\n${A},2025,5.3.1,1,x,上级评价`], 'x.csv'));
        return f;
      },
    ],
    ['urlencoded', 'application/x-www-form-urlencoded', () => 'login=s-form&password=test-password-1&query=SELECT+1'],
  ];
  const CASES = WRITES.flatMap((key) => FORMS.map(([form, type, body]) => ({ key, form, type, body })));

  it.each(CASES)('$key as a $form form from another site is refused and changes nothing', async ({ key, type, body }) => {
    const admin = await signIn(db, { login: 's-form', roles: ['admin'], region: '370000' });
    const before = await fingerprint();
    const send = (headers: Record<string, string>) => {
      // A browser attaches the cookie (were it not SameSite=Strict), never the CSRF header.
      const req = exampleRequest(key, REGIONS.own, {});
      return app.fetch(
        new Request(req.url, { method: req.method, headers: { cookie: admin.cookie, ...(type ? { 'content-type': type } : {}), ...headers }, body: body() }),
      );
    };
    expect((await send({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await send({ origin: 'null' })).status).toBe(403);
    expect((await send({})).status).toBe(403); // no Origin at all
    // Same origin, but without the session's token: refused unless the route needs no session.
    const sameOrigin = await send({ origin: ORIGIN });
    // (Signing in needs no token, but a form is not the JSON it reads.)
    expect(sameOrigin.status).toBe(ROUTE_RULES[key].roles === 'public' ? 400 : 403);
    expect(await fingerprint()).toEqual(before);
  });

  it('sends no CORS headers', async () => {
    const res = await app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the audit log', () => {
  it('records logins, failures, log-outs, password changes, imports with before/after scores and saved-query changes, with the acting user', async () => {
    await signIn(db, { login: 'a-eval', roles: ['evaluator'], region: '370000', assigned: [A] });
    await signIn(db, { login: 'a-analyst', roles: ['analyst'], region: '370100' });
    const evaluator = await login('a-eval');
    await login('a-eval', 'wrong-password');
    await login('nobody-at-all', 'wrong-password');

    // 5.3.1 of A stood at 0 (上级评价 in the fixture); the evaluator, assigned A, rescores it 85. B is not theirs.
    const sheet = (region: string, score: number) => ({
      method: 'POST',
      headers: { ...evaluator.headers, 'content-type': 'text/csv' },
      body: `region,year,indicator,score,assessor,mode\n${region},2025,5.3.1,${score},第三方,上级评价`,
    });
    const refused = await app.request('/api/manual-scores', sheet(B, 50));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/outside the regions you may score/);
    expect((await app.request('/api/manual-scores', sheet(A, 85))).status).toBe(200);

    const analyst = await login('a-analyst');
    const put = (query: string) =>
      app.request('/api/sql/saved/mine', {
        method: 'PUT',
        headers: { ...analyst.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
    expect((await put('SELECT 1')).status).toBe(200);
    expect((await put('SELECT 2')).status).toBe(200);
    expect((await app.request('/api/sql/saved/mine', { method: 'DELETE', headers: analyst.headers })).status).toBe(200);
    await jsonPost('/api/auth/logout', {}, analyst.headers);

    // The test's own sign-in and the one above.
    expect((await auditRows('login')).filter((r) => r.actor === 'a-eval')).toHaveLength(2);
    expect((await auditRows('login_failed')).slice(-2)).toEqual([
      { actor: 'a-eval', target: 'a-eval', before: null, after: '{"reason":"wrong password (1)"}' },
      { actor: null, target: 'nobody-at-all', before: null, after: '{"reason":"unknown login"}' },
    ]);
    const [imported] = (await auditRows('manual_score_import')).filter((r) => r.actor === 'a-eval');
    expect(JSON.parse(imported.before as string)).toEqual([{ region_code: A, year: 2025, indicator_code: '5.3.1', mode: '上级评价', before: 0 }]);
    expect(JSON.parse(imported.after as string)).toEqual([{ region_code: A, year: 2025, indicator_code: '5.3.1', mode: '上级评价', after: 85 }]);
    expect(await auditRows('saved_query_put')).toEqual([
      { actor: 'a-analyst', target: 'mine', before: 'null', after: '"SELECT 1"' },
      { actor: 'a-analyst', target: 'mine', before: '"SELECT 1"', after: '"SELECT 2"' },
    ]);
    expect(await auditRows('saved_query_delete')).toEqual([{ actor: 'a-analyst', target: 'mine', before: '"SELECT 2"', after: null }]);
    expect((await auditRows('logout')).map((r) => r.actor)).toContain('a-analyst');
    // From the sessions tests above.
    expect(await auditRows('logout_all')).toEqual([{ actor: 's-out', target: 's-out', before: null, after: null }]);
    expect(await auditRows('password_change')).toEqual([{ actor: 's-out', target: 's-out', before: null, after: null }]);
  });

  it('lets another analyst neither change nor delete a saved query, an administrator both', async () => {
    await signIn(db, { login: 'q-one', roles: ['analyst'], region: '370100' });
    await signIn(db, { login: 'q-two', roles: ['analyst'], region: '370100' });
    const [one, two, admin] = [await login('q-one'), await login('q-two'), await signIn(db, { login: 'q-admin', roles: ['admin'], region: '370000' })];
    const put = (h: Record<string, string>) =>
      app.request('/api/sql/saved/shared', {
        method: 'PUT',
        headers: { ...h, origin: ORIGIN, 'content-type': 'application/json' },
        body: '{"query":"SELECT 3"}',
      });
    expect((await put(one.headers)).status).toBe(200);
    expect((await put(two.headers)).status).toBe(403);
    expect((await app.request('/api/sql/saved/shared', { method: 'DELETE', headers: two.headers })).status).toBe(403);
    expect((await app.request('/api/sql/saved/shared', { method: 'DELETE', headers: { ...admin.headers, origin: ORIGIN } })).status).toBe(200);
  });

  it('is filtered and exported as CSV for administrators', async () => {
    const admin = await signIn(db, { login: 'q-admin' });
    const res = await app.request('/api/audit?action=saved_query_put&actor=a-analyst&format=csv', { headers: admin.headers });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,acted_at,actor,ip,user_agent,action,target,before,after');
    expect(lines).toHaveLength(3); // the header and the two changes
  });

  it('has no code path that updates or deletes it', () => {
    const files = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|sql)$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const production = ['access', 'api', 'app', 'bin', 'scoring', 'console', 'alerts', 'report', 'ingest', 'warehouse', 'core', 'sql'].flatMap(files);
    const writers = production.filter((f) =>
      /(DELETE\s+FROM|UPDATE|TRUNCATE|DROP\s+TABLE(\s+IF\s+EXISTS)?)\s+audit_log/i.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(writers).toEqual([]);
  });
});
