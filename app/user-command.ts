// `npm run user -- add|role|reset|list …` (bin/user.ts): accounts managed from the shell,
// where the first administrator is created. Each change goes to the audit log as the shell's.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SHELL } from '../access/audit.js';
import { ROLE_NAMES, ROLES } from '../access/roles.js';
import { AccessError, addUser, listUsers, resetPassword, setRoles } from '../access/users.js';
import type { Database } from '../warehouse/database.js';

export const USER_USAGE = `用法：
  npm run user -- add <登录名> --role <角色>[,<角色>…] --region <地区代码> [--name <姓名>] [--assign <地区代码>,…] [--password <密码>]
  npm run user -- role <登录名> --role <角色>[,<角色>…] [--region <地区代码>|none] [--assign <地区代码>,…]
  npm run user -- reset <登录名> [--password <密码>]
  npm run user -- list
角色：${ROLES.map((r) => `${r} ${ROLE_NAMES[r]}`).join('，')}；不给 --password 时生成一个随机密码并显示一次。`;

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
const region = (v: string | undefined) => (v === undefined ? undefined : v === 'none' ? null : v);
const generated = () => randomBytes(12).toString('base64url');

/** Runs one command; `print` gets what the shell shows, `fail` the errors. Returns the exit code. */
export async function userCommand(db: Database, args: string[], print: (line: string) => void, fail: (line: string) => void): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    fail(`${(err as Error).message}\n${USER_USAGE}`);
    return 2;
  }
  const { command, login, values } = parsed;
  try {
    if (command === 'list' && !login) {
      for (const u of await listUsers(db))
        print(
          `${u.login}\t${u.display_name}\t${u.region_code ?? '（无地区）'}\t${u.roles.map((r) => ROLE_NAMES[r]).join('、')}${u.assigned.length ? `\t评价地区 ${u.assigned.join(',')}` : ''}${u.disabled ? '\t已停用' : ''}`,
        );
      return 0;
    }
    if (!login) throw new AccessError('缺少登录名');
    if (command === 'add') {
      if (!values.role) throw new AccessError('缺少 --role');
      const password = values.password ?? generated();
      const u = await addUser(db, SHELL, {
        login,
        displayName: values.name,
        region: region(values.region) ?? null,
        roles: list(values.role) ?? [],
        assigned: list(values.assign),
        password,
      });
      print(
        `已创建用户 ${u.login}（${u.roles.map((r) => ROLE_NAMES[r]).join('、')}，地区 ${u.region_code ?? '无'}）${values.password ? '' : `，初始密码：${password}`}`,
      );
      return 0;
    }
    if (command === 'role') {
      if (!values.role) throw new AccessError('缺少 --role');
      const u = await setRoles(db, SHELL, login, { roles: list(values.role) ?? [], region: region(values.region), assigned: list(values.assign) });
      print(
        `用户 ${u.login}：${u.roles.map((r) => ROLE_NAMES[r]).join('、')}，地区 ${u.region_code ?? '无'}${u.assigned.length ? `，评价地区 ${u.assigned.join(',')}` : ''}`,
      );
      return 0;
    }
    if (command === 'reset') {
      const password = values.password ?? generated();
      await resetPassword(db, SHELL, login, password);
      print(`已重置 ${login} 的密码并解除锁定，原有登录已全部退出${values.password ? '' : `；新密码：${password}`}`);
      return 0;
    }
    throw new AccessError(`未知命令 '${command ?? ''}'`);
  } catch (err) {
    if (!(err instanceof AccessError)) throw err;
    fail(`${err.message}\n${USER_USAGE}`);
    return 1;
  }
}

function parse(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { role: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' }, assign: { type: 'string' }, password: { type: 'string' } },
  });
  if (positionals.length > 2) throw new Error(`多余的参数：${positionals.slice(2).join(' ')}`);
  return { command: positionals[0], login: positionals[1], values };
}
