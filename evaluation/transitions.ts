// A region's transitions in a round, as TRANSITIONS (contracts/evaluation.ts) allows them: the
// caller must be the action's actor for the region (its agency, the approvers of the region
// above it — the workgroup at the top —, or the workgroup: 403 otherwise), the region must be
// in a state the action leaves from (409), a reason given where the table asks for one (422),
// and what the table's `requires` says must hold (409/422). Each step is stored in
// eval_transition and the audit log in the same transaction as the change; approval freezes.
import { auditIn } from '../access/audit.js';
import {
  REGION_ACTION_NAMES,
  type RegionAction,
  type RoundRegionRow,
  ROLE_MODE,
  ROUND_ROLE_NAMES,
  TRANSITIONS,
  type Transition,
  transitionFor,
  type TransitionRow,
} from '../contracts/evaluation.js';
import type { MartRefresher } from '../ingest/marts.js';
import type { Database } from '../warehouse/database.js';
import { evaluationWrite } from './write.js';
import type { Clock } from './context.js';
import { NOW_CST } from './context.js';
import { submitStored } from './entries.js';
import { conflict, invalid, refused } from './errors.js';
import { freezeRegion, renderFrozenReport } from './freeze.js';
import { manualIndicators, type Round, regionRow, regionRows, roundAdmits } from './rounds.js';

const ACTOR_NAMES = { agency: '本地区的经办机构', upper: '上级地区的审核人（最高一级由评价工作组审批）', workgroup: ROUND_ROLE_NAMES.workgroup } as const;

export interface TransitionDeps {
  marts: MartRefresher;
  clock: Clock;
  /** The report PDF frozen on approval (tests may count or replace the rendering). */
  renderPdf?: typeof renderFrozenReport;
}

/** What the table's `requires` asks, checked against the stored round. */
async function checkRequirements(db: Database, deps: TransitionDeps, round: Round, row: RoundRegionRow, t: Transition): Promise<void> {
  const { id } = round.row;
  switch (t.action) {
    case 'submit': {
      const scored = new Set(
        (
          await db.rows<{ code: string }>('SELECT indicator_code AS code FROM eval_entry WHERE round_id = $id AND region_code = $region AND mode = $mode', {
            id,
            region: row.region_code,
            mode: ROLE_MODE.agency,
          })
        ).map((r) => r.code),
      );
      const missing = manualIndicators(round.scheme).filter((c) => !scored.has(c));
      if (missing.length) throw invalid(`不能提交：手工指标 ${missing.join('、')} 还没有自评分`);
      return;
    }
    case 'approve': {
      const pending = (await regionRows(db, round)).filter((r) => r.parent_code === row.region_code && r.state !== 'approved');
      if (pending.length)
        throw conflict(`不能审批 ${row.region_name}：下级地区 ${pending.map((r) => `${r.region_name}（${r.state_name}）`).join('、')} 尚未审批`);
      return;
    }
    case 'unapprove': {
      if (!roundAdmits('unapprove', round.row)) throw conflict('本轮已发布，不能撤销审批（请走申诉程序）');
      const [parent] = row.parent_code ? await regionRows(db, round, row.parent_code) : [];
      if (parent?.state === 'approved') throw conflict(`上级地区 ${parent.region_name} 已审批，请先撤销其审批`);
      return;
    }
    case 'appeal': {
      if (!roundAdmits('appeal', round.row) || !round.row.appeal_due) throw conflict('本轮尚未发布，不能申诉');
      const today = deps.clock.today();
      if (today > round.row.appeal_due) throw conflict(`申诉期限已过：须在 ${round.row.appeal_due} 前（含）提出，今天是 ${today}`);
      return;
    }
    default:
      return;
  }
}

export async function transition(
  db: Database,
  deps: TransitionDeps,
  round: Round,
  region: string,
  action: RegionAction,
  reason: string | undefined,
): Promise<RoundRegionRow> {
  const row = await regionRow(db, round, region);
  const by = TRANSITIONS.find((t) => t.action === action)?.by;
  if (!by || !round.members.actorsFor(row).has(by))
    throw refused(`无权对 ${row.region_name}（${region}）执行"${REGION_ACTION_NAMES[action]}"：只有${by ? ACTOR_NAMES[by] : '—'}可以`);
  const t = transitionFor(action, row.state);
  if (!t) throw conflict(`${row.region_name}处于"${row.state_name}"状态，不能"${REGION_ACTION_NAMES[action]}"`);
  const why = reason?.trim() ?? '';
  if (t.reason && !why) throw invalid(`"${REGION_ACTION_NAMES[action]}"须填写理由`);
  await checkRequirements(db, deps, round, row, t);
  // Rendered before the transaction: a PDF takes seconds and must not hold the writer.
  const pdf = t.action === 'approve' ? await (deps.renderPdf ?? renderFrozenReport)(db, round, region) : null;
  const key = { id: round.row.id, region };
  await evaluationWrite(db, async (conn) => {
    await conn.run(`UPDATE eval_region SET state = $to, changed_at = ${NOW_CST} WHERE round_id = $id AND region_code = $region`, { ...key, to: t.to });
    await conn.run(
      `INSERT INTO eval_transition
       SELECT $id, $region, COALESCE((SELECT max(seq) FROM eval_transition WHERE round_id = $id), 0) + 1, $action, $from, $to, $actor, $reason, ${NOW_CST}`,
      { ...key, action, from: row.state, to: t.to, actor: round.members.login, reason: why || null },
    );
    if (t.action === 'submit') await submitStored(conn, round, region, ROLE_MODE.agency);
    const version = pdf ? await freezeRegion(conn, round, region, pdf) : null;
    await auditIn(conn, round.members.actor, {
      action: 'region_transition',
      target: `round ${round.row.id} ${region}`,
      before: { state: row.state },
      after: { action, state: t.to, reason: why || null, ...(version ? { frozen_version: version } : {}) },
    });
  });
  if (t.action === 'submit') await deps.marts.refresh('evaluation', { context: `after the self-evaluation of round ${round.row.id} ${region}` });
  return regionRow(db, round, region);
}

/** The region's transitions in the order they were made. */
export async function history(db: Database, round: Round, region: string): Promise<TransitionRow[]> {
  const row = await regionRow(db, round, region);
  if (!round.members.sees(row)) throw refused(`账户不是本轮地区 ${row.region_name}（${region}）的成员`);
  return db.rows<TransitionRow>(
    `SELECT round_id, region_code, action, from_state, to_state, actor, reason, strftime(acted_at, '%Y-%m-%d %H:%M:%S') AS acted_at
     FROM eval_transition WHERE round_id = $id AND region_code = $region ORDER BY seq`,
    { id: round.row.id, region },
  );
}
