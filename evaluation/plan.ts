// A round's plan (§11 制订评价计划): its shape (zod) and what must hold against the stored
// data — the scheme and regions exist, every member is an account whose system role fits its
// round role and whose region scope reaches the regions it acts for — then the round stored
// with the scheme copied into it, its regions in draft and its deadlines counted in working days.
import { z } from 'zod';
import { auditIn } from '../access/audit.js';
import type { Role } from '../access/roles.js';
import { Scopes } from '../access/scope.js';
import { findUser } from '../access/users.js';
import { ROUND_ROLE_NAMES, ROUND_ROLES, type RoundPlan, type RoundRole, type RoundRow } from '../contracts/evaluation.js';
import { pathText } from '../core/validation.js';
import type { Database } from '../warehouse/database.js';
import { evaluationWrite } from './write.js';
import { type Caller, type Clock, isAdmin, NOW_CST } from './context.js';
import { addWorkingDays } from './deadlines.js';
import { EvaluationError, invalid, refused } from './errors.js';
import { roundRow } from './rounds.js';

const days = (what: string) =>
  z
    .int({ error: `${what}必须是 1 到 250 之间的整数（工作日）` })
    .min(1, { error: `${what}至少 1 个工作日` })
    .max(250, { error: `${what}最多 250 个工作日` });
const code = z.string({ error: '必须是地区代码' }).regex(/^\d{6}$/, { error: '必须是 6 位地区代码' });

export const roundPlanSchema = z.strictObject(
  {
    year: z.int({ error: '年度必须是整数' }).min(2000, { error: '年度须在 2000–2100 之间' }).max(2100, { error: '年度须在 2000–2100 之间' }),
    scheme: z.string({ error: '必须是评分方案代码' }).min(1, { error: '请指定评分方案' }),
    name: z.string({ error: '必须是文字' }).trim().min(1, { error: '请填写轮次名称' }).max(100, { error: '名称最多 100 字' }),
    regions: z.array(code, { error: '必须是地区代码列表' }).min(1, { error: '至少包括一个地区' }),
    members: z
      .array(
        z.strictObject({
          login: z.string({ error: '必须是账户名' }).trim().toLowerCase().min(1, { error: '请填写账户名' }),
          role: z.enum(ROUND_ROLES, { error: `必须是 ${ROUND_ROLES.join('、')} 之一` }),
          regions: z.array(code, { error: '必须是地区代码列表' }).default([]),
          indicators: z.array(z.string({ error: '必须是指标编码' }), { error: '必须是指标编码列表' }).default([]),
        }),
        { error: '必须是成员列表' },
      )
      .min(1, { error: '至少要有一名成员' }),
    deadlines: z.strictObject({
      self_evaluation_days: days('自评期限'),
      review_days: days('审核期限'),
      appeal_days: days('申诉期限'),
    }),
    /** The day the round opens (default today): deadlines count from it. */
    opened_on: z.iso.date({ error: '必须是日期 YYYY-MM-DD' }).optional(),
  },
  { error: '评价计划必须是一个 JSON 对象' },
);

/** The system roles that may hold each round role. */
export const ROLE_FITS: Record<RoundRole, readonly Role[]> = {
  agency: ['agency'],
  third_party: ['evaluator'],
  superior: ['evaluator'],
  approver: ['leader', 'admin', 'evaluator'],
  workgroup: ['admin', 'leader'],
};

/** The plan's shape; the first problem as a message naming the entry. */
export function parsePlan(input: unknown): RoundPlan & { opened_on?: string } {
  const parsed = roundPlanSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = pathText(issue.path, '', input);
  throw new EvaluationError(400, `评价计划${where ? ` ${where}` : ''}：${issue.message}`);
}

/** Admins, and leaders of the province, plan rounds (the province's 评价工作组). */
async function mayPlan(db: Database, caller: Caller): Promise<boolean> {
  if (isAdmin(caller.user)) return true;
  if (!caller.user.roles.includes('leader') || !caller.user.region_code) return false;
  const [row] = await db.rows<{ level: string }>('SELECT level FROM dim_region WHERE code = $code', { code: caller.user.region_code });
  return row?.level === 'province';
}

interface Region {
  code: string;
  parent_code: string | null;
}

/** Checks the plan against the stored data; returns each round region's nearest ancestor in the round. */
async function checkPlan(db: Database, plan: RoundPlan): Promise<Map<string, string | null>> {
  const [scheme] = await db.rows('SELECT code FROM dim_scheme WHERE code = $code', { code: plan.scheme });
  if (!scheme) throw invalid(`评价计划 scheme：未知的评分方案 "${plan.scheme}"`);
  const regions = new Map((await db.rows<Region>('SELECT code, parent_code FROM dim_region')).map((r) => [r.code, r.parent_code]));
  const unknown = plan.regions.filter((r) => !regions.has(r));
  if (unknown.length) throw invalid(`评价计划 regions：未知的地区代码 ${unknown.join('、')}`);
  const inRound = new Set(plan.regions);
  if (inRound.size !== plan.regions.length) throw invalid('评价计划 regions：地区重复');
  const manual = new Set(
    (
      await db.rows<{ code: string }>("SELECT DISTINCT indicator_code AS code FROM dim_scheme_entry WHERE scheme = $s AND source = 'manual'", {
        s: plan.scheme,
      })
    ).map((r) => r.code),
  );
  const scopes = await Scopes.load(db);
  for (const [i, m] of plan.members.entries()) {
    const where = `评价计划 members[${i}]（${m.login}，${ROUND_ROLE_NAMES[m.role]}）`;
    const user = await findUser(db, m.login);
    if (!user || user.disabled) throw invalid(`${where}：没有这个账户${user?.disabled ? '（已停用）' : ''}`);
    if (!ROLE_FITS[m.role].some((r) => user.roles.includes(r)))
      throw invalid(`${where}：账户的角色 ${user.roles.join('、')} 不能担任该角色，需要 ${ROLE_FITS[m.role].join('、')}`);
    if (m.role !== 'workgroup' && m.regions.length === 0) throw invalid(`${where}：请列出其负责的地区`);
    const outside = m.regions.filter((r) => !inRound.has(r));
    if (outside.length) throw invalid(`${where}：地区 ${outside.join('、')} 不在本轮范围内`);
    const scope = user.roles.includes('admin') ? null : scopes.of(user);
    const unreached = scope ? m.regions.filter((r) => !scope.own(r)) : [];
    if (unreached.length) throw invalid(`${where}：地区 ${unreached.join('、')} 超出该账户的地区范围`);
    const notManual = m.indicators.filter((c) => !manual.has(c));
    if (notManual.length) throw invalid(`${where}：指标 ${notManual.join('、')} 不是该方案的手工评分指标`);
  }
  if (!plan.members.some((m) => m.role === 'workgroup')) throw invalid('评价计划 members：至少要有一名评价工作组成员');
  const parents = new Map<string, string | null>();
  for (const code of plan.regions) {
    let up = regions.get(code) ?? null;
    while (up !== null && !inRound.has(up)) up = regions.get(up) ?? null;
    parents.set(code, up);
    if (!plan.members.some((m) => m.role === 'agency' && m.regions.includes(code))) throw invalid(`评价计划 members：地区 ${code} 没有经办机构成员`);
    if (up !== null && !plan.members.some((m) => m.role === 'approver' && m.regions.includes(up)))
      throw invalid(`评价计划 members：地区 ${code} 的上级 ${up} 没有审核人`);
  }
  return parents;
}

/** Stores a checked plan as a new round, its regions in draft; returns the round as listed. */
export async function createRound(db: Database, caller: Caller, clock: Clock, input: unknown): Promise<RoundRow> {
  // The shape first: a malformed plan is answered alike whoever sends it.
  const plan = parsePlan(input);
  if (!(await mayPlan(db, caller))) throw refused('只有系统管理员或省级领导（评价工作组）可以制订评价计划');
  const parents = await checkPlan(db, plan);
  const opened = plan.opened_on ?? clock.today();
  const dues = {
    opened,
    self: await addWorkingDays(db, opened, plan.deadlines.self_evaluation_days),
    review: await addWorkingDays(db, opened, plan.deadlines.self_evaluation_days + plan.deadlines.review_days),
  };
  const id = await evaluationWrite(db, async (conn) => {
    const next = await conn.runAndReadAll('SELECT COALESCE(max(id), 0)::INT + 1 FROM eval_round');
    const roundId = Number(next.getRows()[0][0]);
    await conn.run(
      `INSERT INTO eval_round (id, name, year, scheme, scheme_version, scheme_copy, plan, state, opened_on, self_evaluation_due, review_due, edition, created_by, created_at)
       SELECT $id, $name, $year, s.code, s.version,
              to_json({
                entries: (SELECT list({indicator_code: e.indicator_code, name: e.name, source: e.source, max_points: CAST(e.max_points AS DOUBLE), metric: e.metric,
                                       p1_code: e.p1_code, p2_code: e.p2_code, rule: e.rule, rule_detail: e.rule_detail, bonus: e.bonus} ORDER BY e.ord)
                          FROM dim_scheme_entry e WHERE e.scheme = s.code),
                items: (SELECT list({level: i.level, code: i.code, name: i.name, max_points: CAST(i.max_points AS DOUBLE)} ORDER BY i.level, i.ord)
                        FROM dim_scheme_item i WHERE i.scheme = s.code),
                bands: (SELECT list({grade: b.grade, min_points: CAST(b.min_points AS DOUBLE), max_points: CAST(b.max_points AS DOUBLE)} ORDER BY b.ord)
                        FROM dim_grade_band b WHERE b.scheme = s.code)
              }),
              CAST($plan AS JSON), 'open', CAST($opened AS DATE), CAST($self AS DATE), CAST($review AS DATE), 0, $by, ${NOW_CST}
       FROM dim_scheme s WHERE s.code = $scheme`,
      {
        id: roundId,
        name: plan.name,
        year: plan.year,
        scheme: plan.scheme,
        plan: JSON.stringify(plan),
        opened: dues.opened,
        self: dues.self,
        review: dues.review,
        by: caller.user.login,
      },
    );
    for (const m of plan.members) {
      for (const region of m.regions.length ? m.regions : [null]) {
        await conn.run('INSERT INTO eval_member VALUES ($id, $login, $role, $region, CAST(CAST($indicators AS JSON) AS VARCHAR[]))', {
          id: roundId,
          login: m.login,
          role: m.role,
          region,
          indicators: JSON.stringify(m.indicators),
        });
      }
    }
    for (const [region, parent] of parents) {
      await conn.run(`INSERT INTO eval_region VALUES ($id, $region, $parent, 'draft', ${NOW_CST})`, { id: roundId, region, parent });
    }
    await auditIn(conn, caller.actor, { action: 'round_plan', target: `round ${roundId}`, after: plan });
    return roundId;
  });
  return roundRow(db, id);
}
