// Everything the evaluation report (Appendix B) says about a region and a year, read from
// the views and marts: plain data for the renderer.
import type { LostRow, RegionKind, RegionLevel } from '../contracts/rows.js';
import { selectList } from '../contracts/select.js';
import type { Database, Row } from '../warehouse/database.js';

export interface ReportRegion {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parent_name: string | null;
  children: number;
  /** The county-level units below it: GB/T 2260 counties and development zones (功能区). */
  counties: number;
  zones: number;
}

export interface MetricResult {
  metric: string;
  metric_name: string;
  unit: string;
  appendix_code: string | null;
  indicator_name: string | null;
  definition: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  prev_year_value: number | null;
  yoy_change: number | null;
  /** The 同比 change by the metric's direction: > 0 better than last year. */
  yoy_improvement: number | null;
  peer_median: number | null;
  rank: number | null;
  peers: number | null;
  shortfall: number | null;
}

export interface MonthPoint {
  metric: string;
  metric_name: string;
  year: string;
  month: number;
  value: number;
}

export interface Shortfall {
  region_code: string;
  region_name: string;
  metric: string;
  metric_name: string;
  unit: string;
  value: number;
  peer_median: number;
  rank: number;
  peers: number;
  shortfall: number;
}

export interface FeedRuns {
  feed: string;
  runs: number;
  failed: number;
  rows_in: number;
  rows_written: number;
  first_run: string;
  last_run: string;
}

/** The year's total under the scheme, with the previous year's and the peers' (v_score_gap, v_score_peer). */
export interface ScoreSummary {
  scheme_name: string;
  total: number;
  max_total: number;
  base_points: number;
  bonus_points: number;
  grade: string;
  next_grade: string | null;
  points_to_next: number | null;
  missing_points: number;
  pending_points: number;
  prev_total: number | null;
  prev_change: number | null;
  prev_grade: string | null;
  rank: number | null;
  peers: number | null;
  peer_median: number | null;
}

export interface ScoreItemRow {
  /** E: the incentive bonus line, capped (max_points = the cap). */
  level: 'P1' | 'P2' | 'E';
  p1: string;
  p2: string | null;
  points: number;
  max_points: number;
  prev_points: number | null;
}

export interface PeerScore {
  region_code: string;
  region_name: string;
  kind: RegionKind;
  value: number;
  grade: string;
  rank: number;
  peers: number;
}

/** An indicator that lost points (v_score_lost), with its target and how it stands among peers. */
export type LostPoints = Pick<
  LostRow,
  | 'indicator_code'
  | 'name'
  | 'metric'
  | 'unit'
  | 'value'
  | 'target_value'
  | 'points'
  | 'max_points'
  | 'points_lost'
  | 'status'
  | 'rule_detail'
  | 'peer_median'
  | 'peer_rank'
  | 'peers'
  | 'worse_than_median'
>;

export interface ReportScores {
  scheme: string;
  total: ScoreSummary | null;
  items: ScoreItemRow[];
  children: PeerScore[];
  lost: LostPoints[];
}

export interface ReportData {
  region: ReportRegion;
  year: string;
  scores: ReportScores;
  generatedAt: string;
  months: string[];
  results: MetricResult[];
  monthly: MonthPoint[];
  shortfalls: Shortfall[];
  runs: FeedRuns[];
  quarantined: number;
  catalogue: { total: number; computed: number; manual: number; p1: number; p2: number };
}

export class ReportNotFound extends Error {}

/** Suggestions are drawn from this many indicators, those that lost the most points. */
const TOP_LOST = 5;

async function loadScores(db: Database, scheme: string, code: string, year: string): Promise<ReportScores> {
  const params = { scheme, code, year };
  const withPrev = { ...params, prev: String(Number(year) - 1) };
  const [total] = await db.rows<ScoreSummary>(
    `SELECT s.name AS scheme_name, g.total, g.max_total, g.base_points, g.bonus_points, g.grade, g.next_grade, g.points_to_next,
            g.missing_points, g.pending_points, prev.total AS prev_total, g.total - prev.total AS prev_change, prev.grade AS prev_grade, p.rank, p.peers, p.peer_median
     FROM v_score_gap g
     JOIN dim_scheme s ON s.code = g.scheme
     LEFT JOIN v_score_peer p ON p.scheme = g.scheme AND p.region_code = g.region_code AND p.period_type = g.period_type AND p.period = g.period
     LEFT JOIN mart_score_total prev ON prev.scheme = g.scheme AND prev.region_code = g.region_code AND prev.period_type = 'year' AND prev.period = $prev
     WHERE g.scheme = $scheme AND g.region_code = $code AND g.period_type = 'year' AND g.period = $year`,
    withPrev,
  );
  const items = await db.rows<ScoreItemRow>(
    `SELECT i.level, i.p1, i.p2, i.points, i.max_points, prev.points AS prev_points
     FROM mart_score_item i
     LEFT JOIN mart_score_item prev ON prev.scheme = i.scheme AND prev.region_code = i.region_code AND prev.period_type = 'year'
       AND prev.period = $prev AND prev.level = i.level AND prev.code = i.code
     WHERE i.scheme = $scheme AND i.region_code = $code AND i.period_type = 'year' AND i.period = $year
     ORDER BY i.ord`,
    withPrev,
  );
  const children = await db.rows<PeerScore>(
    `SELECT region_code, region_name, kind, value, grade, rank, peers FROM v_score_peer
     WHERE scheme = $scheme AND parent_code = $code AND period_type = 'year' AND period = $year ORDER BY kind = 'zone', rank, region_code`,
    params,
  );
  // Unassessed manual indicators are not among them: they are reported as one sum (pending_points).
  const lost = await db.rows<LostPoints>(
    `SELECT ${selectList<LostPoints>({
      indicator_code: true,
      name: true,
      metric: true,
      unit: true,
      value: true,
      target_value: true,
      points: true,
      max_points: true,
      points_lost: true,
      status: true,
      rule_detail: true,
      peer_median: true,
      peer_rank: true,
      peers: true,
      worse_than_median: true,
    })}
     FROM v_score_lost
     WHERE scheme = $scheme AND region_code = $code AND period_type = 'year' AND period = $year
     ORDER BY points_lost DESC, ord LIMIT ${TOP_LOST}`,
    params,
  );
  return { scheme, total: total ?? null, items, children, lost };
}

export async function loadReport(db: Database, code: string, year: string, scheme: string): Promise<ReportData> {
  const [region] = await db.rows<ReportRegion>(
    `SELECT r.code, r.name, r.level, r.kind, p.name AS parent_name,
            (SELECT count(*) FROM dim_region c WHERE c.parent_code = r.code) AS children, u.counties, u.zones
     FROM dim_region r LEFT JOIN dim_region p ON p.code = r.parent_code,
          (SELECT count(*) FILTER (WHERE c.kind = 'division') AS counties, count(*) FILTER (WHERE c.kind = 'zone') AS zones
           FROM dim_region_rollup u JOIN dim_region c ON c.code = u.county_code WHERE u.region_code = $code) u
     WHERE r.code = $code`,
    { code },
  );
  const months = (
    await db.rows<{ period: string }>(
      `SELECT DISTINCT period FROM mart_metric_value WHERE region_code = $code AND period_type = 'month' AND period LIKE $y ORDER BY period`,
      { code, y: `${year}-%` },
    )
  ).map((r) => r.period);
  if (months.length === 0) throw new ReportNotFound(`${region.name}${year}年暂无指标数据`);

  const results = await db.rows<MetricResult>(
    `SELECT m.code AS metric, m.name AS metric_name, m.unit, m.appendix_code, i.name AS indicator_name, m.definition,
            v.numerator, v.denominator, v.value, v.yoy_value AS prev_year_value, v.yoy_change, v.yoy_improvement,
            s.peer_median, s.rank, s.peers, s.shortfall
     FROM mart_compare_vertical v
     JOIN dim_metric m ON m.code = v.metric
     LEFT JOIN dim_indicator i ON i.code = m.appendix_code
     LEFT JOIN v_peer_shortfall s ON s.region_code = v.region_code AND s.metric = v.metric AND s.period_type = 'year' AND s.period = v.period
     WHERE v.region_code = $code AND v.period_type = 'year' AND v.period = $year
     ORDER BY m.appendix_code NULLS LAST, m.code`,
    { code, year },
  );
  const monthly = await db.rows<MonthPoint>(
    `SELECT v.metric, m.name AS metric_name, left(v.period, 4) AS year, CAST(right(v.period, 2) AS INTEGER) AS month, v.value
     FROM mart_metric_value v JOIN dim_metric m ON m.code = v.metric
     WHERE v.region_code = $code AND v.period_type = 'month' AND v.value IS NOT NULL
       AND left(v.period, 4) IN ($year, CAST(CAST($year AS INTEGER) - 1 AS VARCHAR))
     ORDER BY v.metric, v.period`,
    { code, year },
  );
  // The region itself against its peers, and the regions below it against theirs.
  const shortfalls = await db.rows<Shortfall>(
    `SELECT region_code, region_name, metric, metric_name, unit, value, peer_median, rank, peers, shortfall
     FROM v_peer_shortfall
     WHERE period_type = 'year' AND period = $year AND shortfall > 0 AND (region_code = $code OR parent_code = $code)
     ORDER BY region_code <> $code, rank_share DESC, shortfall DESC, region_code, metric LIMIT 8`,
    { code, year },
  );
  const runs = await db.rows<FeedRuns>(
    `SELECT feed, count(*) AS runs, count(*) FILTER (WHERE status = 'failed') AS failed,
            sum(rows_in) AS rows_in, sum(rows_written) AS rows_written,
            strftime(min(started_at), '%Y-%m-%d %H:%M') AS first_run, strftime(max(coalesce(ended_at, started_at)), '%Y-%m-%d %H:%M') AS last_run
     FROM ops_run GROUP BY feed ORDER BY feed`,
  );
  const [{ quarantined }] = await db.rows<{ quarantined: number }>('SELECT count(*) AS quarantined FROM ops_quarantine');
  const [catalogue] = await db.rows<ReportData['catalogue'] & Row>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE code IN (SELECT appendix_code FROM dim_metric)) AS computed,
            count(*) FILTER (WHERE code NOT IN (SELECT appendix_code FROM dim_metric WHERE appendix_code IS NOT NULL)) AS manual,
            count(DISTINCT p1) AS p1, count(DISTINCT p1 || p2) AS p2
     FROM dim_indicator`,
  );
  const scores = await loadScores(db, scheme, code, year);
  return { region, year, scores, generatedAt: new Date().toISOString(), months, results, monthly, shortfalls, runs, quarantined, catalogue };
}
