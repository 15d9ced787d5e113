// Reading rounds: the round with its plan and frozen scheme copy, the rounds a user may list,
// and each region's row with its state, latest freeze and the actions the caller may take.
import {
  REGION_STATE_NAMES,
  type RegionAction,
  type RegionState,
  type RoundPlan,
  type RoundRegionRow,
  type RoundRow,
  TRANSITIONS,
} from '../contracts/evaluation.js';
import type { Database } from '../warehouse/database.js';
import { type Caller, isAdmin } from './context.js';
import { notFound } from './errors.js';
import { Membership, membersOf } from './members.js';

/** The scheme as it was when the round was planned. */
export interface SchemeCopy {
  entries: { indicator_code: string; name: string; source: string; max_points: number; metric: string | null }[];
  bands: { grade: string; min_points: number; max_points: number | null }[];
}

export interface Round {
  row: RoundRow;
  plan: RoundPlan;
  scheme: SchemeCopy;
  members: Membership;
}

const ROUND_COLUMNS = `id, name, year, scheme, scheme_version, state, strftime(opened_on, '%Y-%m-%d') AS opened_on,
  strftime(self_evaluation_due, '%Y-%m-%d') AS self_evaluation_due, strftime(review_due, '%Y-%m-%d') AS review_due,
  strftime(published_on, '%Y-%m-%d') AS published_on, strftime(appeal_due, '%Y-%m-%d') AS appeal_due, edition`;

/** The rounds the caller is a member of (all for an administrator), newest first. */
export async function roundRows(db: Database, caller: Caller): Promise<RoundRow[]> {
  return db.rows<RoundRow>(
    `SELECT ${ROUND_COLUMNS} FROM eval_round r
     WHERE $all OR EXISTS (SELECT 1 FROM eval_member m WHERE m.round_id = r.id AND m.login = $login)
     ORDER BY r.id DESC`,
    { all: isAdmin(caller.user), login: caller.user.login },
  );
}

/** A round as listed (no membership check: for its own writers after a change). */
export async function roundRow(db: Database, id: number): Promise<RoundRow> {
  const [row] = await db.rows<RoundRow>(`SELECT ${ROUND_COLUMNS} FROM eval_round WHERE id = $id`, { id });
  if (!row) throw notFound(`没有编号为 ${id} 的评价轮次`);
  return row;
}

/** The round for a member of it (or an administrator); 404 when there is none, 403 for others. */
export async function loadRound(db: Database, caller: Caller, id: number): Promise<Round> {
  const [found] = await db.rows<RoundRow & { plan_json: string; scheme_json: string }>(
    `SELECT ${ROUND_COLUMNS}, CAST(plan AS VARCHAR) AS plan_json, CAST(scheme_copy AS VARCHAR) AS scheme_json FROM eval_round WHERE id = $id`,
    { id },
  );
  if (!found) throw notFound(`没有编号为 ${id} 的评价轮次`);
  const { plan_json, scheme_json, ...row } = found;
  const members = new Membership(await membersOf(db, id), caller);
  members.requireMember();
  return { row, plan: JSON.parse(plan_json), scheme: JSON.parse(scheme_json), members };
}

/** The manual indicators of the round's scheme, each once, in the scheme's order. */
export const manualIndicators = (scheme: SchemeCopy) => [...new Set(scheme.entries.filter((e) => e.source === 'manual').map((e) => e.indicator_code))];

type StoredRegion = Omit<RoundRegionRow, 'actions' | 'state_name'>;

export async function regionRows(db: Database, round: Round, region: string | null = null): Promise<RoundRegionRow[]> {
  const rows = await db.rows<StoredRegion>(
    `SELECT g.round_id, g.region_code, d.name AS region_name, g.parent_code, d.level, g.state,
            strftime(g.changed_at, '%Y-%m-%d %H:%M:%S') AS changed_at,
            COALESCE(f.version, 0)::INT AS frozen_version, CAST(f.total AS VARCHAR) AS frozen_total, f.grade AS frozen_grade
     FROM eval_region g JOIN dim_region d ON d.code = g.region_code
     LEFT JOIN (SELECT * FROM eval_frozen_report QUALIFY version = max(version) OVER (PARTITION BY round_id, region_code)) f
       ON f.round_id = g.round_id AND f.region_code = g.region_code
     WHERE g.round_id = $id AND ($region IS NULL OR g.region_code = $region)
     ORDER BY d.level = 'province' DESC, d.level = 'city' DESC, g.region_code`,
    { id: round.row.id, region },
  );
  return rows.map((r) => ({ ...r, state_name: REGION_STATE_NAMES[r.state], actions: actionsFor(round, r) }));
}

/** One region of the round; 404 when the round does not cover it. */
export async function regionRow(db: Database, round: Round, region: string): Promise<RoundRegionRow> {
  const [row] = await regionRows(db, round, region);
  if (!row) throw notFound(`评价轮次 ${round.row.id} 不包括地区 ${region}`);
  return row;
}

/** Whether the round's own state admits the action: an appeal only once the round is published
 * (with its appeal deadline), an un-approval only before. The action's other requirements are
 * checked when it is taken (evaluation/transitions.ts). */
export function roundAdmits(action: RegionAction, round: RoundRow): boolean {
  if (action === 'appeal') return round.state === 'published' && round.appeal_due !== null;
  if (action === 'unapprove') return round.state === 'open';
  return true;
}

/** The actions TRANSITIONS allows the caller from the region's state, in the round's state. */
function actionsFor(round: Round, region: { region_code: string; parent_code: string | null; state: RegionState }): RegionAction[] {
  const actors = round.members.actorsFor(region);
  return TRANSITIONS.filter((t) => t.from.includes(region.state) && actors.has(t.by) && roundAdmits(t.action, round.row)).map((t) => t.action);
}
