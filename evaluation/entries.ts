// The evaluation form of a region: every manual indicator of the round's scheme with each
// mode's score beside the others (the self-evaluated score beside the evaluators'), its
// evidence, the region's computed indicators (frozen once frozen), and drafts saved and
// evaluators' scores submitted. Submitted scores reach the score marts through v_manual_score.
import type { DuckDBConnection } from '@duckdb/node-api';
import { auditIn } from '../access/audit.js';
import {
  EDITABLE_BY,
  type EvidenceRow,
  type FormEntryRow,
  LARGE_DIFFERENCE,
  ROLE_MODE,
  type RoundRegionRow,
  type ScoringRole,
} from '../contracts/evaluation.js';
import type { MartRefresher } from '../ingest/marts.js';
import { rescoreYear } from '../scoring/manual-scores.js';
import type { Database } from '../warehouse/database.js';
import { evaluationWrite } from './write.js';
import { NOW_CST } from './context.js';
import { conflict, invalid, refused } from './errors.js';
import { manualIndicators, type Round, regionRow } from './rounds.js';

const SCORING_ROLES = Object.keys(ROLE_MODE) as ScoringRole[];
const MODES = SCORING_ROLES.map((r) => ROLE_MODE[r]);

export const roleOfMode = (mode: string): ScoringRole | undefined => SCORING_ROLES.find((r) => ROLE_MODE[r] === mode);

export interface EntryInput {
  indicator_code: string;
  score: number;
  comment: string;
}

/** The region, for a caller who may see its form. */
async function visibleRegion(db: Database, round: Round, region: string): Promise<RoundRegionRow> {
  const row = await regionRow(db, round, region);
  if (!round.members.sees(row)) throw refused(`账户不是本轮地区 ${row.region_name}（${region}）的成员，不能查看其评价表`);
  return row;
}

/** Modes the caller sees: an agency its self-evaluation; evaluators theirs beside it; the upper level and workgroup all. */
function visibleModes(round: Round, row: RoundRegionRow): string[] {
  const actors = round.members.actorsFor(row);
  if (actors.has('upper') || actors.has('workgroup')) return MODES;
  return SCORING_ROLES.filter((role) => role === 'agency' || round.members.holds(role, row.region_code)).map((r) => ROLE_MODE[r]);
}

/** The modes the caller may save now: their scoring roles for the region whose state allows editing. */
function editableModes(round: Round, row: RoundRegionRow): string[] {
  return SCORING_ROLES.filter((role) => EDITABLE_BY[role].includes(row.state) && round.members.holds(role, row.region_code)).map((r) => ROLE_MODE[r]);
}

async function entryRows(db: Database, round: Round, region: string, modes: readonly string[]): Promise<FormEntryRow[]> {
  const stored = await db.rows<{ indicator_code: string; mode: string; score: number; comment: string; submitted: boolean; assessor: string }>(
    'SELECT indicator_code, mode, score, comment, submitted, assessor FROM eval_entry WHERE round_id = $id AND region_code = $region',
    { id: round.row.id, region },
  );
  const evidence = await db.rows<EvidenceRow>(
    `SELECT id, indicator_code, file_name, media_type, size_bytes, sha256, uploaded_by, strftime(uploaded_at, '%Y-%m-%d %H:%M:%S') AS uploaded_at
     FROM eval_evidence WHERE round_id = $id AND region_code = $region ORDER BY id`,
    { id: round.row.id, region },
  );
  return manualIndicators(round.scheme).flatMap((code) => {
    const parts = round.scheme.entries.filter((e) => e.indicator_code === code && e.source === 'manual');
    const max = parts.reduce((sum, e) => sum + e.max_points, 0);
    return modes.map((mode) => {
      const found = stored.find((s) => s.indicator_code === code && s.mode === mode);
      return {
        indicator_code: code,
        indicator_name: parts[0].name,
        max_points: String(max),
        mode,
        score: found?.score ?? null,
        comment: found?.comment ?? '',
        submitted: found?.submitted ?? false,
        assessor: found?.assessor ?? null,
        evidence: evidence.filter((e) => e.indicator_code === code),
      };
    });
  });
}

/** Indicators where an evaluator's score and the self-evaluated one differ by LARGE_DIFFERENCE or more. */
function largeDifferences(entries: readonly FormEntryRow[]): string[] {
  const score = (code: string, mode: string) => entries.find((e) => e.indicator_code === code && e.mode === mode)?.score ?? null;
  return [...new Set(entries.map((e) => e.indicator_code))].filter((code) => {
    const self = score(code, ROLE_MODE.agency);
    return (
      self !== null &&
      [ROLE_MODE.third_party, ROLE_MODE.superior].some((m) => {
        const other = score(code, m);
        return other !== null && Math.abs(other - self) >= LARGE_DIFFERENCE;
      })
    );
  });
}

/** The computed indicators of the region for the round's year: the frozen ones once frozen. */
async function computedRows(db: Database, round: Round, row: RoundRegionRow): Promise<Record<string, unknown>[]> {
  if (row.frozen_version > 0) {
    return db.rows(
      `SELECT split_part(s.code, '/', 1) AS indicator_code, s.name, NULLIF(split_part(s.code, '/', 2), '') AS metric, v.value,
              CAST(s.max_points AS VARCHAR) AS max_points, CAST(s.points AS VARCHAR) AS points, true AS frozen
       FROM eval_frozen_score s
       LEFT JOIN eval_frozen_value v ON v.round_id = s.round_id AND v.region_code = s.region_code AND v.version = s.version AND v.metric = split_part(s.code, '/', 2)
       WHERE s.round_id = $id AND s.region_code = $region AND s.version = $version AND s.level = 'indicator' AND s.source = 'computed'
       ORDER BY s.ord`,
      { id: round.row.id, region: row.region_code, version: row.frozen_version },
    );
  }
  return db.rows(
    `SELECT indicator_code, name, metric, value, CAST(max_points AS VARCHAR) AS max_points, CAST(points AS VARCHAR) AS points, false AS frozen
     FROM v_score_entry
     WHERE scheme = $scheme AND region_code = $region AND period_type = 'year' AND period = $year AND source = 'computed'
     ORDER BY ord`,
    { region: row.region_code, scheme: round.row.scheme, year: String(round.row.year) },
  );
}

export async function regionForm(db: Database, round: Round, region: string) {
  const row = await visibleRegion(db, round, region);
  const entries = await entryRows(db, round, region, visibleModes(round, row));
  return {
    region: row,
    entries,
    computed: await computedRows(db, round, row),
    editable_modes: editableModes(round, row),
    large_difference: largeDifferences(await entryRows(db, round, region, MODES)),
  };
}

/** The scoring role of a mode the caller holds for the region, or a refusal naming why not. */
function scorer(round: Round, row: RoundRegionRow, mode: string): ScoringRole {
  const role = roleOfMode(mode);
  if (!role) throw invalid(`评价方式 "${mode}" 不是 ${MODES.join('、')} 之一`);
  if (!round.members.holds(role, row.region_code)) throw refused(`账户在本轮不是地区 ${row.region_name}（${row.region_code}）的${mode}人员`);
  if (!EDITABLE_BY[role].includes(row.state)) throw conflict(`地区 ${row.region_name} 处于"${row.state_name}"状态，${mode}不能修改`);
  return role;
}

/** Saves draft scores of one mode (a saved entry counts again only once submitted). */
export async function saveEntries(db: Database, round: Round, region: string, mode: string, entries: readonly EntryInput[]): Promise<FormEntryRow[]> {
  const row = await regionRow(db, round, region);
  const role = scorer(round, row, mode);
  const manual = new Set(manualIndicators(round.scheme));
  for (const [i, e] of entries.entries()) {
    if (!manual.has(e.indicator_code)) throw invalid(`entries[${i}]：指标 ${e.indicator_code} 不是本轮评分方案的手工评分指标`);
    if (!round.members.scores(role, region, e.indicator_code)) throw refused(`entries[${i}]：指标 ${e.indicator_code} 不在分配给该账户的评价指标内`);
  }
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (seen.has(e.indicator_code)) throw invalid(`entries[${i}]：指标 ${e.indicator_code} 重复`);
    seen.add(e.indicator_code);
  }
  const { id } = round.row;
  await evaluationWrite(db, async (conn) => {
    for (const e of entries) {
      const key = { id, region, indicator: e.indicator_code, mode };
      await conn.run('DELETE FROM eval_entry WHERE round_id = $id AND region_code = $region AND indicator_code = $indicator AND mode = $mode', key);
      await conn.run(`INSERT INTO eval_entry VALUES ($id, $region, $indicator, $mode, $score, $comment, false, $assessor, ${NOW_CST})`, {
        ...key,
        score: e.score,
        comment: e.comment,
        assessor: round.members.login,
      });
    }
    await auditIn(conn, round.members.actor, { action: 'eval_entry_save', target: `round ${id} ${region} ${mode}`, after: entries });
  });
  return entryRows(db, round, region, [mode]);
}

/** Marks the caller's saved scores of a mode submitted (inside a transaction) and the year's scores stale. */
export async function submitStored(conn: DuckDBConnection, round: Round, region: string, mode: string): Promise<number> {
  const result = await conn.run(
    `UPDATE eval_entry SET submitted = true, saved_at = ${NOW_CST} WHERE round_id = $id AND region_code = $region AND mode = $mode AND NOT submitted`,
    { id: round.row.id, region, mode },
  );
  await rescoreYear(conn, round.row.year);
  return Number(result.rowsChanged);
}

/** An evaluator submits their scores of the region (the agency submits by the 'submit' transition). */
export async function submitEntries(db: Database, marts: MartRefresher, round: Round, region: string, mode: string): Promise<FormEntryRow[]> {
  const row = await regionRow(db, round, region);
  const role = scorer(round, row, mode);
  if (role === 'agency') throw conflict('经办机构的自评分随"提交自评"一并提交，请使用状态操作 submit');
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM eval_entry WHERE round_id = $id AND region_code = $region AND mode = $mode', {
    id: round.row.id,
    region,
    mode,
  });
  if (n === 0) throw invalid(`地区 ${row.region_name} 还没有保存${mode}分，无可提交`);
  await evaluationWrite(db, async (conn) => {
    const changed = await submitStored(conn, round, region, mode);
    await auditIn(conn, round.members.actor, { action: 'eval_entry_submit', target: `round ${round.row.id} ${region} ${mode}`, after: { entries: changed } });
  });
  await marts.refresh('evaluation', { context: `after the ${mode} scores of round ${round.row.id} ${region}` });
  return entryRows(db, round, region, [mode]);
}
