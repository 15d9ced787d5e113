// Accounts: add, roles, password reset, region, evaluator assignments, listing. Every change
// is written to the audit log with the acting user (the shell's commands act as SHELL).
import type { Database } from '../warehouse/database.js';
import { type Actor, audit } from './audit.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { isRole, ROLES, type Role } from './roles.js';

/** A request about accounts that cannot be done; the message is for the person asking. */
export class AccessError extends Error {}

export interface User {
  login: string;
  display_name: string;
  region_code: string | null;
  roles: Role[];
  /** Regions an evaluator scores (each with its subtree). */
  assigned: string[];
  disabled: boolean;
}

export interface NewUser {
  login: string;
  displayName?: string;
  region: string | null;
  roles: readonly string[];
  password: string | null;
  assigned?: readonly string[];
}

const LOGIN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export const normalLogin = (login: string) => login.trim().toLowerCase();

async function checkRegion(db: Database, region: string | null, what: string): Promise<void> {
  if (region === null) return;
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM dim_region WHERE code = $region', { region });
  if (n === 0) throw new AccessError(`${what} '${region}' 不是已知的地区代码`);
}

function checkRoles(roles: readonly string[]): Role[] {
  if (roles.length === 0) throw new AccessError(`至少要有一个角色（${ROLES.join(', ')}）`);
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw new AccessError(`未知角色 ${bad.join(', ')}（可用：${ROLES.join(', ')}）`);
  return [...new Set(roles as Role[])];
}

export async function findUser(db: Database, login: string): Promise<User | null> {
  const [row] = await db.rows<Omit<User, 'roles' | 'assigned'> & { roles: string[] | null; assigned: string[] | null }>(
    `SELECT u.login, u.display_name, u.region_code, u.disabled,
            (SELECT list(role ORDER BY role) FROM app_user_role r WHERE r.login = u.login) AS roles,
            (SELECT list(region_code ORDER BY region_code) FROM app_user_assignment a WHERE a.login = u.login) AS assigned
     FROM app_user u WHERE u.login = $login`,
    { login: normalLogin(login) },
  );
  return row ? { ...row, roles: (row.roles ?? []).filter(isRole), assigned: row.assigned ?? [] } : null;
}

export async function listUsers(db: Database): Promise<User[]> {
  const logins = await db.rows<{ login: string }>('SELECT login FROM app_user ORDER BY login');
  const users: User[] = [];
  for (const { login } of logins) users.push((await findUser(db, login)) as User);
  return users;
}

export async function addUser(db: Database, actor: Actor, u: NewUser): Promise<User> {
  const login = normalLogin(u.login);
  if (!LOGIN.test(login)) throw new AccessError(`登录名 '${u.login}' 须为 2–64 个小写字母、数字或 . _ @ -`);
  if (await findUser(db, login)) throw new AccessError(`用户 '${login}' 已存在`);
  const roles = checkRoles(u.roles);
  await checkRegion(db, u.region, '地区');
  for (const r of u.assigned ?? []) await checkRegion(db, r, '评价地区');
  if (u.password !== null) {
    const problem = passwordProblem(u.password);
    if (problem) throw new AccessError(problem);
  }
  const hashed = u.password === null ? null : await hashPassword(u.password);
  await db.transaction(async (c) => {
    await c.run('INSERT INTO app_user (login, display_name, region_code, password_hash, created_at) VALUES ($1, $2, $3, $4, now()::TIMESTAMP)', [
      login,
      u.displayName ?? login,
      u.region,
      hashed,
    ]);
    for (const role of roles) await c.run('INSERT INTO app_user_role VALUES ($1, $2)', [login, role]);
    for (const region of new Set(u.assigned ?? [])) await c.run('INSERT INTO app_user_assignment VALUES ($1, $2)', [login, region]);
  });
  const user = (await findUser(db, login)) as User;
  await audit(db, actor, { action: 'user_add', target: login, after: { region: user.region_code, roles: user.roles, assigned: user.assigned } });
  return user;
}

async function existing(db: Database, login: string): Promise<User> {
  const user = await findUser(db, login);
  if (!user) throw new AccessError(`没有用户 '${normalLogin(login)}'`);
  return user;
}

/** Sets a user's roles, and optionally region and evaluator assignments. */
export async function setRoles(
  db: Database,
  actor: Actor,
  login: string,
  change: { roles: readonly string[]; region?: string | null; assigned?: readonly string[] },
): Promise<User> {
  const before = await existing(db, login);
  const roles = checkRoles(change.roles);
  if (change.region !== undefined) await checkRegion(db, change.region, '地区');
  for (const r of change.assigned ?? []) await checkRegion(db, r, '评价地区');
  await db.transaction(async (c) => {
    await c.run('DELETE FROM app_user_role WHERE login = $1', [before.login]);
    for (const role of roles) await c.run('INSERT INTO app_user_role VALUES ($1, $2)', [before.login, role]);
    if (change.region !== undefined) await c.run('UPDATE app_user SET region_code = $2 WHERE login = $1', [before.login, change.region]);
    if (change.assigned !== undefined) {
      await c.run('DELETE FROM app_user_assignment WHERE login = $1', [before.login]);
      for (const region of new Set(change.assigned)) await c.run('INSERT INTO app_user_assignment VALUES ($1, $2)', [before.login, region]);
    }
  });
  const after = (await findUser(db, login)) as User;
  const view = (u: User) => ({ region: u.region_code, roles: u.roles, assigned: u.assigned });
  await audit(db, actor, { action: 'user_role', target: after.login, before: view(before), after: view(after) });
  return after;
}

/** Sets a new password, unlocks the account and ends its sessions. */
export async function resetPassword(db: Database, actor: Actor, login: string, password: string): Promise<void> {
  const user = await existing(db, login);
  const problem = passwordProblem(password);
  if (problem) throw new AccessError(problem);
  const hashed = await hashPassword(password);
  await db.transaction(async (c) => {
    await c.run('UPDATE app_user SET password_hash = $2, failed_count = 0, locked_until = NULL WHERE login = $1', [user.login, hashed]);
    await c.run('DELETE FROM app_session WHERE login = $1', [user.login]);
  });
  await audit(db, actor, { action: 'user_reset', target: user.login });
}
