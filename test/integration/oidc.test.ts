// Single sign-on against a real OpenID provider (oidc-provider, started here on an ephemeral
// port, its development login and consent forms driven with fetch): authorization code flow
// with PKCE and state through /api/auth/oidc/start and /callback, the ID token's claims mapped
// to a local account (existing: its own roles; new: created from the region and roles claims).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { Database } from '../../warehouse/database.js';
import { signIn } from '../support/auth.js';
import { freshDb } from '../support/db.js';

const CALLBACK = 'http://localhost/api/auth/oidc/callback';
// The identity service's people: a region and roles each, as a province's service would assert them.
const PEOPLE: Record<string, { name: string; region: string; roles: string }> = {
  zhang: { name: '张局长', region: '370000', roles: 'leader' },
  li: { name: '李分析', region: '370100', roles: 'analyst agency' },
};

let db: Database;
let app: Hono;
let idp: Server;
let issuer: string;

beforeAll(async () => {
  db = await freshDb();
  idp = createServer();
  await new Promise<void>((r) => idp.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'si-perf', client_secret: 'si-secret', redirect_uris: [CALLBACK], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'region', 'roles'] },
    conformIdTokenClaims: false, // the profile claims in the ID token itself
    pkce: { required: () => true },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, preferred_username: sub, ...(PEOPLE[sub] ?? { name: sub }) }),
    }),
  });
  idp.on('request', provider.callback());
  // 王 has a local account already (an agency of 历下区); the service asserts other roles, which do not override it.
  await signIn(db, { login: 'wang', roles: ['agency'], region: '370102' });
  app = await createApp(db, {
    access: {
      sessionHours: 12,
      idleMinutes: 120,
      maxFailures: 5,
      lockMinutes: 15,
      oidc: {
        issuer,
        clientId: 'si-perf',
        clientSecret: 'si-secret',
        redirectUri: CALLBACK,
        loginClaim: 'preferred_username',
        regionClaim: 'region',
        rolesClaim: 'roles',
        label: '省统一身份认证',
      },
    },
  });
});

afterAll(async () => {
  await new Promise((r) => idp.close(r));
  db.close();
});

/** A browser's cookies for one host, by name. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  get header(): string {
    return [...this.cookies]
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }
}

/** Signs `who` in at the identity service's login form, consents, and returns the app's answer to the callback. */
async function singleSignOn(who: string): Promise<{ callback: Response; ours: Jar }> {
  const ours = new Jar();
  const theirs = new Jar();
  const start = await app.request('/api/auth/oidc/start');
  expect(start.status).toBe(302);
  ours.take(start);
  let next = new URL(start.headers.get('location') as string);
  expect(next.origin).toBe(issuer);
  expect(next.searchParams.get('code_challenge_method')).toBe('S256');
  let form: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop++) {
    if (next.href.startsWith(CALLBACK)) {
      const callback = await app.request(next.pathname + next.search, { headers: { cookie: ours.header } });
      ours.take(callback);
      return { callback, ours };
    }
    const res = await fetch(next, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: theirs.header, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ?? undefined,
    });
    theirs.take(res);
    form = null;
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location') as string, next);
      continue;
    }
    // A development interaction page: the login form (any password) or the consent form.
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`no form at ${next}: ${res.status} ${html.slice(0, 200)}`);
    const prompt = html.match(/name="prompt" value="(\w+)"/)?.[1] ?? 'consent';
    form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: who, password: 'any' } : {}) });
    next = new URL(action, next);
  }
  throw new Error('the sign-in did not come back');
}

const sessionOf = async (jar: Jar) => (await (await app.request('/api/auth/session', { headers: { cookie: jar.header } })).json()).user;

describe('single sign-on (OIDC)', () => {
  it('offers the configured button on the login page', async () => {
    expect((await (await app.request('/api/auth/session')).json()).oidc_label).toBe('省统一身份认证');
  });

  it('signs in an existing local account with its local roles and region', async () => {
    const { callback, ours } = await singleSignOn('wang');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    expect(await sessionOf(ours)).toMatchObject({ login: 'wang', region_code: '370102', roles: ['agency'] });
    const [row] = await db.rows<{ after: string }>(
      "SELECT after::VARCHAR AS after FROM audit_log WHERE action = 'login' AND actor = 'wang' ORDER BY id DESC LIMIT 1",
    );
    expect(row.after).toBe('{"method":"oidc"}');
  });

  it('creates a new account from the region and roles claims', async () => {
    const { ours } = await singleSignOn('li');
    expect(await sessionOf(ours)).toMatchObject({ login: 'li', display_name: '李分析', region_code: '370100', roles: ['agency', 'analyst'] });
  });

  it('refuses someone the service knows but who has neither an account nor region and roles claims', async () => {
    const { callback } = await singleSignOn('stranger');
    expect(callback.status).toBe(403);
    expect((await callback.json()).error).toBe("本系统没有账户 'stranger'，请联系系统管理员");
  });

  it('refuses a callback not started from this browser', async () => {
    const res = await app.request('/api/auth/oidc/callback?code=forged&state=forged');
    expect(res.status).toBe(400);
  });
});
