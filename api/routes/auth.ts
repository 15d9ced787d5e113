// Signing in and out: POST /api/auth/login sets the session cookie (HttpOnly, SameSite=Strict);
// GET /api/auth/session tells the dashboard who is signed in and the CSRF token to send on
// writes; log-out, log-out everywhere, password change; the demo accounts for the login page.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ROLE_NAMES } from '../../access/roles.js';
import type { Session, Sessions } from '../../access/sessions.js';
import { AccessError, type User } from '../../access/users.js';
import { type DemoAccount, SESSION_COOKIE, type SessionInfo, type SessionUser } from '../../contracts/access.js';
import { accessOf } from '../access.js';
import { BadRequest, validJson } from '../validate.js';

const text = (max: number) => z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const validLogin = validJson(
  z.object({ login: text(64), password: text(200) }, { error: 'request body must be JSON like {"login": "...", "password": "..."}' }),
);
const validPassword = validJson(
  z.object({ current: text(200), next: text(200) }, { error: 'request body must be JSON like {"current": "...", "next": "..."}' }),
);

export const sessionUser = (u: User): SessionUser => ({
  login: u.login,
  display_name: u.display_name,
  region_code: u.region_code,
  roles: u.roles,
  role_names: u.roles.map((r) => ROLE_NAMES[r]),
});

/** Sets the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's request carries it). */
export function setSessionCookie(c: Context, token: string, session: Session): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
    expires: session.expiresAt,
  });
}

export function authRoutes(sessions: Sessions, demoAccounts: readonly DemoAccount[], oidcLabel: string | null): Hono {
  const app = new Hono();

  app.get('/auth/session', (c) => {
    const { session } = accessOf(c);
    const info: SessionInfo = { user: session ? sessionUser(session.user) : null, csrf_token: session?.csrfToken ?? null, oidc_label: oidcLabel };
    return c.json(info);
  });

  app.get('/auth/demo-accounts', (c) => c.json({ data: demoAccounts }));

  app.post('/auth/login', validLogin, async (c) => {
    const { login, password } = c.req.valid('json');
    const result = await sessions.login(login, password, accessOf(c).actor);
    if (!result.ok) return c.json({ error: result.message }, 401);
    setSessionCookie(c, result.token, result.session);
    const info: SessionInfo = { user: sessionUser(result.session.user), csrf_token: result.session.csrfToken, oidc_label: oidcLabel };
    return c.json(info);
  });

  app.post('/auth/logout', async (c) => {
    const { token, actor } = accessOf(c);
    if (token) await sessions.logout(token, actor);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.post('/auth/logout-all', async (c) => {
    const { actor, session } = accessOf(c);
    await sessions.logoutEverywhere({ ...actor, login: (session as Session).user.login });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.post('/auth/password', validPassword, async (c) => {
    const { actor, session, token } = accessOf(c);
    const { current, next } = c.req.valid('json');
    try {
      await sessions.changePassword({ ...actor, login: (session as Session).user.login }, token as string, current, next);
    } catch (err) {
      if (err instanceof AccessError) throw new BadRequest(err.message);
      throw err;
    }
    return c.json({ ok: true });
  });
  return app;
}
