// Access control at the API edge, from the route table (api/route-rules.ts): the session from
// its cookie, then for every /api request its rule — role, region scope — and for every
// POST, PUT and DELETE a same Origin and the session's CSRF token. A registered route without
// a rule is refused (default deny). No CORS headers are ever sent, so another site's page
// can neither read an answer nor send a write that passes.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Actor } from '../access/audit.js';
import { EVERYTHING, NOTHING, type Scopes, type UserScope } from '../access/scope.js';
import type { Session, Sessions } from '../access/sessions.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../contracts/access.js';
import { ruleFor, type RouteRule } from './route-rules.js';

export interface Access {
  session: Session | null;
  /** The cookie's token (to end the session), null when signed out. */
  token: string | null;
  /** The signed-in user's scope (everything for an administrator). */
  scope: UserScope;
  actor: Actor;
}

declare module 'hono' {
  interface ContextVariableMap {
    access: Access;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a request came from, for the audit log (no address when not served over a socket). */
function requestActor(c: Context, login: string | null): Actor {
  let ip: string | null = null;
  try {
    ip = getConnInfo(c).remote.address ?? null;
  } catch {
    // app.request in a test: no socket
  }
  return { login, ip, userAgent: c.req.header('user-agent') ?? null };
}

/** The signed-in user's access, as the handlers read it (c.get('access')). */
export const accessOf = (c: Context): Access => c.get('access');

/** A write from this service's own pages: its Origin is the URL's own (Host as the browser sent it). */
function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  return origin !== undefined && origin === new URL(c.req.url).origin && c.req.header('sec-fetch-site') !== 'cross-site';
}

export function accessControl(sessions: Sessions, scopes: Scopes, registered: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const session = token ? await sessions.find(token) : null;
    const user = session?.user ?? null;
    const scope = !user ? NOTHING : user.roles.includes('admin') ? EVERYTHING : scopes.of(user);
    c.set('access', { session, token: session ? token : null, scope, actor: requestActor(c, user?.login ?? null) });

    const match = ruleFor(c.req.method, c.req.path);
    if (!match) return registered(c.req.method, c.req.path) ? c.json({ error: `${c.req.method} ${c.req.path} 没有访问规则，默认拒绝` }, 403) : next();
    const { rule } = match;
    if (!SAFE.has(c.req.method) && !sameOrigin(c)) return c.json({ error: '拒绝跨站请求：Origin 与本服务不一致' }, 403);
    if (rule.roles === 'public') return next();
    if (!session || !user) return c.json({ error: '请先登录' }, 401);
    if (!SAFE.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken)
      return c.json({ error: `缺少或错误的 ${CSRF_HEADER} 请求头（CSRF 令牌）` }, 403);
    if (rule.roles !== 'signed-in' && !rule.roles.some((r) => user.roles.includes(r)))
      return c.json({ error: `无权访问 ${match.key}：需要角色 ${rule.roles.join('、')}` }, 403);
    const refused = outOfScope(scope, rule, rule.scope && c.req.query(rule.scope.param));
    return refused ? c.json({ error: refused }, 403) : next();
  };
}

/** Why the rule's region scope refuses a request naming `region` (null: it does not). The page
 * endpoints (api/routes/pages.ts) ask it of each panel's table endpoint too. */
export function outOfScope(scope: UserScope, rule: RouteRule, region: string | undefined): string | null {
  if (!rule.scope) return null;
  if (region === undefined || region === '') return scope.all ? null : `请指定参数 '${rule.scope.param}'：只能查看本地区及下级`;
  return scope[rule.scope.reach](region) ? null : `无权查看地区 ${region}（参数 '${rule.scope.param}'）：超出本账户的地区范围`;
}
