// Single sign-on with OpenID Connect (config access.oidc): GET /api/auth/oidc/start sends the
// browser to the identity service (authorization code flow with PKCE and state), the callback
// exchanges the code, maps the ID token's claims to a local account (loginClaim; a missing
// account is created when the region and roles claims are configured and present) and signs
// it in. Without configuration both answer 404.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import { SHELL } from '../../access/audit.js';
import type { OidcConfig } from '../../access/config.js';
import type { Sessions } from '../../access/sessions.js';
import { AccessError, addUser, findUser } from '../../access/users.js';
import type { Database } from '../../warehouse/database.js';
import { accessOf } from '../access.js';
import { setSessionCookie } from './auth.js';

const PENDING_COOKIE = 'si_oidc';
const PENDING_MS = 10 * 60_000;

interface Pending {
  verifier: string;
  state: string;
  until: number;
}

/** A claim as a list of words (roles may come as an array or a space-separated text). */
const words = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : []);

export function oidcRoutes(db: Database, sessions: Sessions, config: OidcConfig | null): Hono {
  const app = new Hono();
  const pending = new Map<string, Pending>();
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = (cfg: OidcConfig) => {
    // Plain http only for an identity service on this machine (a test's provider).
    const local = ['localhost', '127.0.0.1'].includes(new URL(cfg.issuer).hostname);
    discovered ??= oidc
      .discovery(new URL(cfg.issuer), cfg.clientId, cfg.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((err) => {
        discovered = null; // try again on the next sign-in
        throw err;
      });
    return discovered;
  };
  const refuse = (c: Context, message: string, status: 400 | 403 | 404 | 502) => c.json({ error: message }, status);

  app.get('/auth/oidc/start', async (c) => {
    if (!config) return refuse(c, '未配置统一身份认证（access.oidc）', 404);
    let server: oidc.Configuration;
    try {
      server = await configuration(config);
    } catch (err) {
      return refuse(c, `无法连接统一身份认证服务：${(err as Error).message}`, 502);
    }
    const now = Date.now();
    for (const [k, p] of pending) if (p.until < now) pending.delete(k);
    const key = randomBytes(24).toString('base64url');
    const p: Pending = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), until: now + PENDING_MS };
    pending.set(key, p);
    // Lax: the identity service's redirect back is a cross-site navigation, which a Strict cookie would miss.
    setCookie(c, PENDING_COOKIE, key, { httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc', maxAge: PENDING_MS / 1000 });
    const url = oidc.buildAuthorizationUrl(server, {
      redirect_uri: config.redirectUri,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(p.verifier),
      code_challenge_method: 'S256',
      state: p.state,
    });
    return c.redirect(url.href, 302);
  });

  app.get('/auth/oidc/callback', async (c) => {
    if (!config) return refuse(c, '未配置统一身份认证（access.oidc）', 404);
    const key = getCookie(c, PENDING_COOKIE);
    const p = key ? pending.get(key) : undefined;
    if (key) pending.delete(key);
    deleteCookie(c, PENDING_COOKIE, { path: '/api/auth/oidc' });
    if (!p || p.until < Date.now()) return refuse(c, '单点登录已过期或不是从本浏览器发起，请重新登录', 400);
    let claims: Record<string, unknown>;
    try {
      // The callback URL as the identity service was told it, with this request's query.
      const current = new URL(config.redirectUri);
      current.search = new URL(c.req.url).search;
      const tokens = await oidc.authorizationCodeGrant(await configuration(config), current, { pkceCodeVerifier: p.verifier, expectedState: p.state });
      claims = tokens.claims() ?? {};
    } catch (err) {
      return refuse(c, `单点登录失败：${(err as Error).message}`, 403);
    }
    const login = String(claims[config.loginClaim] ?? '');
    if (!login) return refuse(c, `身份令牌缺少声明 '${config.loginClaim}'`, 403);
    const region = config.regionClaim ? claims[config.regionClaim] : undefined;
    const roles = config.rolesClaim ? words(claims[config.rolesClaim]) : [];
    if (!(await findUser(db, login))) {
      if (typeof region !== 'string' || roles.length === 0) return refuse(c, `本系统没有账户 '${login}'，请联系系统管理员`, 403);
      try {
        await addUser(db, { ...SHELL, userAgent: 'oidc' }, { login, displayName: String(claims.name ?? login), region, roles, password: null });
      } catch (err) {
        if (err instanceof AccessError) return refuse(c, `无法建立账户 '${login}'：${err.message}`, 403);
        throw err;
      }
    }
    const result = await sessions.open(login, { ...accessOf(c).actor, login }, 'oidc');
    if (!result.ok) return refuse(c, result.message, 403);
    setSessionCookie(c, result.token, result.session);
    return c.redirect('/', 302);
  });
  return app;
}
