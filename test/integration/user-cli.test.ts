// `npm run user -- add|role|reset|list` through its command function (app/user-command.ts, what
// bin/user.ts runs): the first administrator made from the shell, roles and region changed,
// a password reset that unlocks and signs out, every change in the audit log as the shell's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_CONFIG } from '../../access/config.js';
import { Sessions } from '../../access/sessions.js';
import { userCommand } from '../../app/user-command.js';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';

let db: Database;
const out: string[] = [];
const err: string[] = [];
const run = (...args: string[]) =>
  userCommand(
    db,
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
const sessions = () => new Sessions(db, DEFAULT_ACCESS_CONFIG);
const actor = { ip: null, userAgent: 'test' };

beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.close());

describe('npm run user', () => {
  it('creates the first administrator with a generated password shown once', async () => {
    expect(await run('add', 'Chief', '--role', 'admin', '--region', '370000', '--name', '张主任')).toBe(0);
    const password = out.at(-1)?.match(/初始密码：(\S+)$/)?.[1] as string;
    expect(password).toHaveLength(16); // 12 random bytes in base64url
    expect((await sessions().login('chief', password, actor)).ok).toBe(true);
    expect(await run('list')).toBe(0);
    expect(out.at(-1)).toBe('chief\t张主任\t370000\t系统管理员');
  });

  it('refuses an unknown role, region or command, and a duplicate, naming it', async () => {
    expect(await run('add', 'x1', '--role', 'boss', '--region', '370000')).toBe(1);
    expect(err.at(-1)).toMatch(/^未知角色 boss/);
    expect(await run('add', 'x1', '--role', 'leader', '--region', '999999')).toBe(1);
    expect(err.at(-1)).toMatch(/^地区 '999999' 不是已知的地区代码/);
    expect(await run('add', 'chief', '--role', 'leader', '--region', '370000', '--password', 'long-enough')).toBe(1);
    expect(err.at(-1)).toMatch(/^用户 'chief' 已存在/);
    expect(await run('fly', 'x1')).toBe(1);
    expect(await run('add', 'x1', '--colour', 'red')).toBe(2);
  });

  it('changes roles, region and assignments, and resets a password (unlocking, ending sessions)', async () => {
    expect(await run('add', 'eva', '--role', 'agency', '--region', '370102', '--password', 'first-password')).toBe(0);
    expect(await run('role', 'eva', '--role', 'evaluator,leader', '--region', '370100', '--assign', '370102,370103')).toBe(0);
    expect(out.at(-1)).toBe('用户 eva：评价人、领导，地区 370100，评价地区 370102,370103');
    const signed = await sessions().login('eva', 'first-password', actor);
    expect(signed.ok).toBe(true);
    for (let i = 0; i < DEFAULT_ACCESS_CONFIG.maxFailures; i++) await sessions().login('eva', 'wrong-password', actor);
    expect((await sessions().login('eva', 'first-password', actor)).ok).toBe(false); // locked
    expect(await run('reset', 'eva', '--password', 'second-password')).toBe(0);
    expect(await sessions().find(signed.ok ? signed.token : '')).toBeNull();
    expect((await sessions().login('eva', 'second-password', actor)).ok).toBe(true);
  });

  it('writes each change to the audit log as the shell, with before and after', async () => {
    const rows = await db.rows<{ action: string; target: string; before: string | null; after: string | null }>(
      "SELECT action, target, before::VARCHAR AS before, after::VARCHAR AS after FROM audit_log WHERE actor IS NULL AND user_agent = 'npm run user' ORDER BY id",
    );
    expect(rows).toEqual([
      { action: 'user_add', target: 'chief', before: null, after: '{"region":"370000","roles":["admin"],"assigned":[]}' },
      { action: 'user_add', target: 'eva', before: null, after: '{"region":"370102","roles":["agency"],"assigned":[]}' },
      {
        action: 'user_role',
        target: 'eva',
        before: '{"region":"370102","roles":["agency"],"assigned":[]}',
        after: '{"region":"370100","roles":["evaluator","leader"],"assigned":["370102","370103"]}',
      },
      { action: 'user_reset', target: 'eva', before: null, after: null },
    ]);
  });
});
