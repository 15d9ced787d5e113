// Signing in and out: password check with lock-out after repeated failures, sessions that end
// after a fixed time or when idle, password change, log-out and log-out everywhere. Each
// outcome is written to the audit log.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../warehouse/database.js';
import { type Actor, audit } from './audit.js';
import type { AccessConfig } from './config.js';
import { checkPassword, hashPassword, passwordProblem } from './passwords.js';
import { AccessError, findUser, normalLogin, type User } from './users.js';

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

export type LoginResult = { ok: true; token: string; session: Session } | { ok: false; message: string };

export type AccessSettings = Pick<AccessConfig, 'sessionHours' | 'idleMinutes' | 'maxFailures' | 'lockMinutes'>;

const MINUTE = 60_000;
/** last_seen is written at most this often: a write per request would queue behind the collectors. */
const SEEN_EVERY_MS = MINUTE;
const WRONG = '用户名或密码错误';
/** A session found is reused this long: the lookup (session, user, roles, scope) cost 9–12 ms
 * of every signed-in request under load. Log-out, log-out everywhere and a password change drop
 * it at once; account changes from the shell happen with the server stopped. */
const REUSE_MS = 5_000;
const MAX_REUSED = 10_000;

const token = () => randomBytes(32).toString('base64url');
const digest = (t: string) => createHash('sha256').update(t).digest('hex');
/** A UTC time as DuckDB's TIMESTAMP text. */
const ts = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

// Compared against when the login is unknown, so an unknown name takes as long as a wrong password.
const DUMMY = hashPassword('not-a-password-of-anyone');

export class Sessions {
  constructor(
    private readonly db: Database,
    private readonly settings: AccessSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private readonly recent = new Map<string, { session: Session; until: number }>();
  private readonly looking = new Map<string, Promise<Session | null>>();
  /** last_seen writes queued behind the writer, by session: a request never waits for one (a
   * refresh can hold the writer for seconds), and lookups meanwhile count the session as seen then. */
  private readonly seen = new Map<string, string>();

  private forget(login: string): void {
    for (const [id, hit] of this.recent) if (hit.session.user.login === login) this.recent.delete(id);
  }

  /** Checks the password; on success a new session and the cookie's token. */
  async login(loginText: string, password: string, actor: Omit<Actor, 'login'>): Promise<LoginResult> {
    const login = normalLogin(loginText);
    const now = this.now();
    const [row] = await this.db.rows<{ password_hash: string | null; failed_count: number; locked_until: string | null; disabled: boolean; locked: boolean }>(
      `SELECT password_hash, failed_count, locked_until::VARCHAR AS locked_until, disabled,
              coalesce(locked_until > $now::TIMESTAMP, false) AS locked
       FROM app_user WHERE login = $login`,
      { login, now: ts(now) },
    );
    const failed = async (reason: string, message = WRONG): Promise<LoginResult> => {
      await audit(this.db, { ...actor, login: row ? login : null }, { action: 'login_failed', target: login, after: { reason } });
      return { ok: false, message };
    };
    if (!row || row.password_hash === null) {
      await checkPassword(await DUMMY, password);
      return failed(row ? 'no password (single sign-on only)' : 'unknown login');
    }
    if (row.disabled) return failed('disabled', '账户已停用，请联系系统管理员');
    if (row.locked) return failed('locked', `连续登录失败次数过多，账户已锁定，请于 ${this.settings.lockMinutes} 分钟后再试`);
    if (!(await checkPassword(row.password_hash, password))) {
      const count = row.failed_count + 1;
      const lock = count >= this.settings.maxFailures;
      await this.db.exec('UPDATE app_user SET failed_count = $count, locked_until = $until::TIMESTAMP WHERE login = $login', {
        login,
        count: lock ? 0 : count,
        until: lock ? ts(new Date(now.getTime() + this.settings.lockMinutes * MINUTE)) : null,
      });
      return failed(lock ? `wrong password, locked after ${count} failures` : `wrong password (${count})`);
    }
    await this.db.exec('UPDATE app_user SET failed_count = 0, locked_until = NULL WHERE login = $login', { login });
    return this.open(login, { ...actor, login }, 'password');
  }

  /** A new session for an account whose identity was established elsewhere (single sign-on). */
  async open(login: string, actor: Actor, method: 'password' | 'oidc'): Promise<LoginResult> {
    const user = await findUser(this.db, login);
    if (!user || user.disabled) return { ok: false, message: '账户不存在或已停用' };
    const now = this.now();
    const t = token();
    const csrfToken = token();
    const expiresAt = new Date(now.getTime() + this.settings.sessionHours * 60 * MINUTE);
    await this.db.exec('INSERT INTO app_session VALUES ($id, $login, $now::TIMESTAMP, $now::TIMESTAMP, $expires::TIMESTAMP, $csrf)', {
      id: digest(t),
      login: user.login,
      now: ts(now),
      expires: ts(expiresAt),
      csrf: csrfToken,
    });
    await audit(this.db, actor, { action: 'login', target: user.login, after: { method } });
    return { ok: true, token: t, session: { user, csrfToken, expiresAt } };
  }

  /** The live session of a cookie's token, or null (unknown, expired, idle too long, user disabled). */
  async find(t: string): Promise<Session | null> {
    const now = this.now();
    const id = digest(t);
    const hit = this.recent.get(id);
    if (hit && hit.until > now.getTime()) return hit.session;
    // Requests arriving together while the session is looked up share the one lookup.
    let pending = this.looking.get(id);
    if (!pending) {
      pending = this.lookup(id, now).finally(() => this.looking.delete(id));
      this.looking.set(id, pending);
    }
    const session = await pending;
    if (session === null) this.recent.delete(id);
    else {
      if (this.recent.size >= MAX_REUSED) this.recent.clear();
      this.recent.set(id, { session, until: Math.min(now.getTime() + REUSE_MS, session.expiresAt.getTime()) });
    }
    return session;
  }

  private async lookup(id: string, now: Date): Promise<Session | null> {
    const [row] = await this.db.rows<{ login: string; csrf_token: string; expires_at: string; stale: boolean }>(
      `WITH s AS (SELECT *, greatest(last_seen, coalesce($pending::TIMESTAMP, last_seen)) AS seen_at FROM app_session WHERE id_hash = $id)
       SELECT login, csrf_token, expires_at::VARCHAR AS expires_at, seen_at < $seen::TIMESTAMP AS stale
       FROM s WHERE expires_at > $now::TIMESTAMP AND seen_at > $idle::TIMESTAMP`,
      {
        id,
        now: ts(now),
        idle: ts(new Date(now.getTime() - this.settings.idleMinutes * MINUTE)),
        seen: ts(new Date(now.getTime() - SEEN_EVERY_MS)),
        pending: this.seen.get(id) ?? null,
      },
    );
    if (!row) return null;
    const user = await findUser(this.db, row.login);
    if (!user || user.disabled) return null;
    if (row.stale) this.touch(id, now);
    return { user, csrfToken: row.csrf_token, expiresAt: new Date(`${row.expires_at}Z`) };
  }

  /** Queues the session's last_seen write without waiting for it (one at a time per session). */
  private touch(id: string, now: Date): void {
    if (this.seen.has(id)) return;
    this.seen.set(id, ts(now));
    void this.db
      .exec('UPDATE app_session SET last_seen = $now::TIMESTAMP WHERE id_hash = $id', { id, now: ts(now) })
      .catch(() => undefined)
      .finally(() => this.seen.delete(id));
  }

  async logout(t: string, actor: Actor): Promise<void> {
    await this.db.exec('DELETE FROM app_session WHERE id_hash = $id', { id: digest(t) });
    this.recent.delete(digest(t));
    await audit(this.db, actor, { action: 'logout', target: actor.login });
  }

  /** Ends every session of the user (all browsers and devices). */
  async logoutEverywhere(actor: Actor & { login: string }): Promise<void> {
    await this.db.exec('DELETE FROM app_session WHERE login = $login', { login: actor.login });
    this.forget(actor.login);
    await audit(this.db, actor, { action: 'logout_all', target: actor.login });
  }

  /** Changes the user's own password after checking the current one; other sessions end. */
  async changePassword(actor: Actor & { login: string }, t: string, current: string, next: string): Promise<void> {
    const [row] = await this.db.rows<{ password_hash: string | null }>('SELECT password_hash FROM app_user WHERE login = $login', { login: actor.login });
    if (!row?.password_hash || !(await checkPassword(row.password_hash, current))) throw new AccessError('当前密码不正确');
    const problem = passwordProblem(next);
    if (problem) throw new AccessError(problem);
    const hashed = await hashPassword(next);
    await this.db.transaction(async (c) => {
      await c.run('UPDATE app_user SET password_hash = $1 WHERE login = $2', [hashed, actor.login]);
      await c.run('DELETE FROM app_session WHERE login = $1 AND id_hash <> $2', [actor.login, digest(t)]);
    });
    this.forget(actor.login);
    await audit(this.db, actor, { action: 'password_change', target: actor.login });
  }
}
