// The demo's accounts: one per role, and the members the demo's evaluation round needs
// (demo/evaluation-round.ts), with documented passwords (README, "Accounts and access"),
// created through the access module when `npm start` runs on the embedded demo source, and
// listed on the login page while it does. Never used with a real platform.
import type { Actor } from '../access/audit.js';
import { ROLE_NAMES, type Role } from '../access/roles.js';
import { addUser, findUser } from '../access/users.js';
import type { DemoAccount } from '../contracts/access.js';

interface Spec {
  login: string;
  role: Role;
  display_name: string;
  region: string;
  assigned?: string[];
}

/** Who acts in the demo's evaluation round: the leader is its workgroup, the evaluator its third party. */
export const DEMO_ROUND_LOGINS = {
  workgroup: 'leader',
  agency: 'agency',
  cityAgency: 'agency-jinan',
  countyAgency: 'agency-shizhong',
  approver: 'approver',
  evaluator: 'evaluator',
} as const;

const SPECS: Spec[] = [
  { login: 'admin', role: 'admin', display_name: '系统管理员（演示）', region: '370000' },
  { login: 'leader', role: 'leader', display_name: '省厅领导（演示）', region: '370000' },
  { login: 'analyst', role: 'analyst', display_name: '济南市分析员（演示）', region: '370100' },
  { login: 'agency', role: 'agency', display_name: '历下区经办机构（演示）', region: '370102' },
  { login: 'evaluator', role: 'evaluator', display_name: '第三方评价人（演示）', region: '370000', assigned: ['370100'] },
  // The evaluation round's other members.
  { login: DEMO_ROUND_LOGINS.cityAgency, role: 'agency', display_name: '济南市经办机构（演示）', region: '370100' },
  { login: DEMO_ROUND_LOGINS.countyAgency, role: 'agency', display_name: '市中区经办机构（演示）', region: '370103' },
  { login: DEMO_ROUND_LOGINS.approver, role: 'leader', display_name: '济南市审核人（演示）', region: '370100' },
];

/** The demo password of each account: its login and "-demo" (at least 8 characters). */
const password = (login: string) => `${login}-demo`;

/** The database, as the access module takes it. */
type Database = Parameters<typeof findUser>[0];

const DEMO: Actor = { login: null, ip: null, userAgent: 'demo' };

/** Creates the accounts that do not exist yet (a changed password stays changed); returns them for the login page. */
export async function createDemoAccounts(db: Database): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const s of SPECS) {
    if (!(await findUser(db, s.login)))
      await addUser(db, DEMO, {
        login: s.login,
        displayName: s.display_name,
        region: s.region,
        roles: [s.role],
        assigned: s.assigned,
        password: password(s.login),
      });
    const [{ name }] = await db.rows<{ name: string }>('SELECT name FROM dim_region WHERE code = $code', { code: s.region });
    accounts.push({ login: s.login, password: password(s.login), display_name: s.display_name, role_name: ROLE_NAMES[s.role], region_name: name });
  }
  return accounts;
}
