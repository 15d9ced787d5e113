// Everything the evaluation report (Appendix B) says about a region and a year, read from
// the views and marts: plain data for the renderer.
import type { Database, Row } from '../db/database.js';

export interface ReportRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_name: string | null;
  children: number;
  counties: number;
}

export interface MetricResult {
  metric: string;
  metric_name: string;
  unit: string;
  higher_is_better: boolean;
  appendix_code: string | null;
  indicator_name: string | null;
  definition: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  prev_year_value: number | null;
  yoy_change: number | null;
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
  rows_rejected: number;
  first_run: string;
  last_run: string;
}

export interface ReportData {
  region: ReportRegion;
  year: string;
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

export async function loadReport(db: Database, code: string, year: string): Promise<ReportData> {
  const [region] = await db.rows<ReportRegion>(
    `SELECT r.code, r.name, r.level, p.name AS parent_name,
            (SELECT count(*) FROM dim_region c WHERE c.parent_code = r.code) AS children,
            (SELECT count(*) FROM dim_region_rollup u WHERE u.region_code = r.code) AS counties
     FROM dim_region r LEFT JOIN dim_region p ON p.code = r.parent_code WHERE r.code = $code`,
    { code },
  );
  const months = (await db.rows<{ period: string }>(
    `SELECT DISTINCT period FROM mart_metric_value WHERE region_code = $code AND period_type = 'month' AND period LIKE $y ORDER BY period`,
    { code, y: `${year}-%` },
  )).map((r) => r.period);
  if (months.length === 0) throw new ReportNotFound(`${region.name}${year}年暂无指标数据`);

  const results = await db.rows<MetricResult>(
    `SELECT m.code AS metric, m.name AS metric_name, m.unit, m.higher_is_better, m.appendix_code, i.name AS indicator_name, m.definition,
            v.numerator, v.denominator, v.value, v.yoy_value AS prev_year_value, v.yoy_change,
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
            sum(rows_in) AS rows_in, sum(rows_written) AS rows_written, sum(rows_rejected) AS rows_rejected,
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
  return { region, year, generatedAt: new Date().toISOString(), months, results, monthly, shortfalls, runs, quarantined, catalogue };
}
