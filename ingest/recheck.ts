// Reports stored before today's checks existed (a figure of 1e308 loaded by an earlier
// version, which no refresh of the marts can compute) are checked again at every start: a
// report the reports feed would refuse now moves from raw_report to the quarantine, whole,
// with its reason, under the collector that loaded it. Its older version, if any, counts again.
import type { Database } from '../warehouse/database.js';
import { appendTemp } from '../warehouse/database.js';
import { reportFigures, storedReportProblem } from './feeds/reports.js';

interface StoredRecord {
  region_code: string;
  period: string;
  version: number;
  submitted_at: string;
  run_id: number;
  metrics: string[];
  figures: unknown[];
}

/** Quarantines the stored reports today's checks refuse; returns how many. */
export async function recheckStoredReports(db: Database): Promise<number> {
  const ctx = { counties: new Set<string>(), items: new Set<string>(), channels: new Set<string>(), figures: await reportFigures(db), now: Date.now() };
  const stored = await db.rows<StoredRecord>(`
    SELECT region_code, strftime(period_month, '%Y-%m') AS period, version,
           strftime(max(submitted_at), '%Y-%m-%d %H:%M:%S') AS submitted_at, max(run_id) AS run_id,
           list(metric ORDER BY metric) AS metrics, list(value ORDER BY metric) AS figures
    FROM raw_report GROUP BY region_code, period_month, version`);
  const refused = stored.flatMap((r) => {
    const report = {
      period: r.period,
      version: r.version,
      submitted_at: r.submitted_at,
      figures: Object.fromEntries(r.metrics.map((m, i) => [m, r.figures[i]])),
    };
    const problem = storedReportProblem(report, ctx);
    if (problem === null) return [];
    const key = `${r.region_code}|${r.period}|${r.version}`;
    return [
      [
        r.region_code,
        `${r.period}-01`,
        r.version,
        r.run_id,
        key,
        `${problem} (stored earlier; moved out of raw_report at start-up)`,
        JSON.stringify({ region_code: r.region_code, ...report }),
      ],
    ];
  });
  if (refused.length === 0) return 0;
  await db.transaction(async (c) => {
    await c.run(
      'CREATE OR REPLACE TEMP TABLE stage_refused_report (region_code VARCHAR, period_month DATE, version INTEGER, run_id BIGINT, natural_key VARCHAR, reason VARCHAR, payload VARCHAR)',
    );
    await appendTemp(c, 'stage_refused_report', refused);
    await c.run(`INSERT INTO ops_quarantine
      SELECT s.run_id, coalesce((SELECT feed FROM ops_run o WHERE o.run_id = s.run_id), 'reports'), s.natural_key, s.reason, s.payload, now()::TIMESTAMP
      FROM stage_refused_report s`);
    await c.run(`DELETE FROM raw_report r USING stage_refused_report s
      WHERE r.region_code = s.region_code AND r.period_month = s.period_month AND r.version = s.version`);
  });
  return refused.length;
}
