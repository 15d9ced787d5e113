// The freeze on final approval (§12 "the final result"): in one transaction, from the marts,
// every indicator value of the region and year with its numerator and denominator, every score
// line (indicator entries, P2, P1, the capped bonus, the total with grade and rank among its
// peers) and the report PDF — rendered by report/, the generator of /api/report.pdf — with its
// SHA-256. Each freeze is a new version; earlier versions are never touched.
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadReport, ReportNotFound } from '../report/data.js';
import { renderReport } from '../report/html.js';
import { htmlToPdf, PdfUnavailable } from '../report/pdf.js';
import type { Database } from '../warehouse/database.js';
import { blob, sha256Hex } from './blobs.js';
import { NOW_CST } from './context.js';
import { EvaluationError, invalid } from './errors.js';
import type { Round } from './rounds.js';

/** The region's report PDF for the round's year and scheme; refuses the approval when it cannot be made. */
export async function renderFrozenReport(db: Database, round: Round, region: string): Promise<Uint8Array> {
  try {
    return await htmlToPdf(await renderReport(await loadReport(db, region, String(round.row.year), round.row.scheme)));
  } catch (err) {
    if (err instanceof PdfUnavailable) throw new EvaluationError(503, `无法审批：冻结需要生成评价报告 PDF。${err.message}`);
    if (err instanceof ReportNotFound) throw invalid(`无法审批：${round.row.year} 年地区 ${region} 没有可冻结的得分（${err.message}）`);
    throw err;
  }
}

/** Writes the next freeze version of the region (inside the approval's transaction); returns it. */
export async function freezeRegion(conn: DuckDBConnection, round: Round, region: string, pdf: Uint8Array): Promise<number> {
  const key = { id: round.row.id, region };
  const at = { region, scheme: round.row.scheme, year: String(round.row.year) };
  const version = Number(
    (
      await conn.runAndReadAll('SELECT COALESCE(max(version), 0)::INT + 1 FROM eval_frozen_report WHERE round_id = $id AND region_code = $region', key)
    ).getRows()[0][0],
  );
  const v = { ...at, id: round.row.id, version };
  const total = (
    await conn.runAndReadAll(
      `SELECT count(*)::INT FROM mart_score_total WHERE scheme = $scheme AND region_code = $region AND period_type = 'year' AND period = $year`,
      at,
    )
  ).getRows()[0][0];
  if (Number(total) === 0) throw invalid(`无法审批：${round.row.year} 年地区 ${region} 还没有年度得分可冻结`);
  await conn.run(
    `INSERT INTO eval_frozen_value
     SELECT $id, $region, $version, metric, numerator, denominator, value FROM mart_metric_value
     WHERE region_code = $region AND period_type = 'year' AND period = $year`,
    { id: v.id, region, version, year: v.year },
  );
  await conn.run(
    `INSERT INTO eval_frozen_score
     SELECT $id, $region, $version, 'indicator', indicator_code || COALESCE('/' || metric, ''), name, source, points, max_points, NULL, NULL, ord
     FROM v_score_entry WHERE scheme = $scheme AND region_code = $region AND period_type = 'year' AND period = $year
     UNION ALL
     SELECT $id, $region, $version, level, COALESCE(code, level), COALESCE(p2, p1), NULL, points, max_points, NULL, NULL, 10000 + ord
     FROM v_score_item WHERE scheme = $scheme AND region_code = $region AND period_type = 'year' AND period = $year
     UNION ALL
     SELECT $id, $region, $version, 'total', 'total', '总分', NULL, t.total, t.max_total, t.grade, p.rank, 100000
     FROM mart_score_total t
     LEFT JOIN v_score_peer p USING (scheme, region_code, period_type, period)
     WHERE t.scheme = $scheme AND t.region_code = $region AND t.period_type = 'year' AND t.period = $year`,
    v,
  );
  await conn.run(
    `INSERT INTO eval_frozen_report
     SELECT $id, $region, $version, ${NOW_CST}, $by, t.total, t.grade, p.rank, p.peers, (SELECT COALESCE(max(run_id), 0) FROM ops_run), $pdf, $sha
     FROM mart_score_total t
     LEFT JOIN v_score_peer p USING (scheme, region_code, period_type, period)
     WHERE t.scheme = $scheme AND t.region_code = $region AND t.period_type = 'year' AND t.period = $year`,
    { ...v, by: round.members.login, pdf: blob(pdf), sha: sha256Hex(pdf) },
  );
  return version;
}
