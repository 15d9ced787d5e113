// Signed-in callers for tests: an account with the given roles and region created in the test
// database through the access module, a session opened by its password, and the headers a
// browser on the dashboard's own origin would send (session cookie, CSRF token, Origin).
// Production code has no switch that turns access control off; tests sign in like anyone.
import { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../access/audit.js';
import { DEFAULT_ACCESS_CONFIG } from '../../access/config.js';
import type { Role } from '../../access/roles.js';
import { Sessions } from '../../access/sessions.js';
import { addUser, findUser } from '../../access/users.js';
import { type AppOptions, createApp } from '../../api/app.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contracts/access.js';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from './db.js';

export const TEST_PASSWORD = 'test-password-1';
const TEST_ACTOR: Actor = { login: null, ip: null, userAgent: 'test support' };

export interface SignedIn {
  login: string;
  cookie: string;
  csrf: string;
  /** Cookie and CSRF headers (add an Origin for writes). */
  headers: Record<string, string>;
}

export interface As {
  login?: string;
  roles?: Role[];
  region?: string | null;
  assigned?: string[];
}

/** Creates the account unless it exists and signs it in. Default: a province-wide administrator. */
export async function signIn(db: Database, { login = 'test-admin', roles = ['admin'], region = '370000', assigned = [] }: As = {}): Promise<SignedIn> {
  if (!(await findUser(db, login))) await addUser(db, TEST_ACTOR, { login, region, roles, assigned, password: TEST_PASSWORD });
  const result = await new Sessions(db, DEFAULT_ACCESS_CONFIG).login(login, TEST_PASSWORD, { ip: null, userAgent: 'test' });
  if (!result.ok) throw new Error(`test sign-in of ${login} failed: ${result.message}`);
  const cookie = `${SESSION_COOKIE}=${result.token}`;
  return { login, cookie, csrf: result.session.csrfToken, headers: { cookie, [CSRF_HEADER]: result.session.csrfToken } };
}

/** The request as sent by `who` from the page's own origin; headers the request sets itself win. */
export function asUser(req: Request, who: SignedIn): Request {
  const headers = new Headers(req.headers);
  if (!headers.has('cookie')) headers.set('cookie', who.cookie);
  if (!headers.has(CSRF_HEADER)) headers.set(CSRF_HEADER, who.csrf);
  if (!headers.has('origin')) headers.set('origin', new URL(req.url).origin);
  return new Request(req, { headers });
}

/** A fetch handler answering every request as `who` (for servers tests and browsers talk to). */
export const fetchAs = (fetch: (req: Request, env?: unknown) => Response | Promise<Response>, who: SignedIn) => (req: Request, env?: unknown) =>
  fetch(asUser(req, who), env);

/** The app as an administrator reaches it: tests of the API's answers, not of its access rules. */
export async function signedInApp(db: Database, opts: AppOptions = {}, as: As = {}): Promise<Hono> {
  const app = await createApp(db, opts);
  const who = await signIn(db, as);
  const outer = new Hono();
  outer.all('*', (c) => fetchAs(app.fetch, who)(c.req.raw, c.env));
  return outer;
}

/** Signs in over HTTP to a running server (a started `npm start`), as a browser on its origin would. */
export async function signInOver(url: string, login: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const origin = new URL(url).origin;
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login} at ${url} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrf_token: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], [CSRF_HEADER]: body.csrf_token, origin };
}

/** A fresh database and the app over it as an administrator reaches it, opened before the
 * tests of the file (or block) that calls this and closed after them. */
export function useSignedInApp(): { db: Database; app: Hono } {
  const t = {} as { db: Database; app: Hono };
  beforeAll(async () => {
    t.db = await freshDb();
    t.app = await signedInApp(t.db);
  });
  afterAll(() => t.db?.close());
  return t;
}
