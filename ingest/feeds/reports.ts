// 统计报表 monthly statistical report figures: one record per region, month and version,
// stored one row per figure. A report is atomic: one bad figure rejects the record. Every
// figure must be declared (seeds/report-figures.csv) and plausible; the period a month from
// 2000-01 to the current one; submitted_at not in the future.
import { z } from 'zod';
import { sqlText } from '../../warehouse/pipeline.js';
import { dayOf, wallCst } from '../../core/time.js';
import type { Database } from '../../warehouse/database.js';
import type { Feed, ReportFigure, ValidationContext } from '../feed.js';
import { cstTime, integer, known, month, parseRecord, perRun } from '../validate.js';

const FIRST_PERIOD = '2000-01';
/** How far a source's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 10 * 60_000;

const NON_EMPTY = 'figures must be a non-empty object of figure: value';
const shownValue = (v: unknown) => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/** The first problem of a report's figures against the declared ones, or null. */
export function figureProblem(figures: Record<string, unknown>, declared: ReadonlyMap<string, ReportFigure>): string | null {
  const entries = Object.entries(figures);
  if (entries.length === 0) return NON_EMPTY;
  for (const [name, value] of entries) {
    const f = declared.get(name);
    if (!f) return `unknown figure ${JSON.stringify(name)} (the report's figures are declared in seeds/report-figures.csv)`;
    if (typeof value !== 'number' || !(value >= f.min && value <= f.max) || (f.whole && !Number.isInteger(value)))
      return `figure ${name} must be ${f.whole ? 'a whole number' : 'a number'} from ${f.min} to ${f.max} ${f.unit}: ${shownValue(value)}`;
  }
  for (const [name, value] of entries) {
    const whole = declared.get(name)?.atMost;
    const limit = whole ? figures[whole] : undefined;
    if (typeof limit === 'number' && (value as number) > limit) return `figure ${name} (${value}) must not exceed ${whole} (${limit})`;
  }
  return null;
}

const record = perRun((ctx) => {
  const latest = dayOf(ctx.now).slice(0, 7);
  const latestSubmission = wallCst(ctx.now + CLOCK_SKEW_MS);
  return z.object({
    region_code: known('region_code', ctx.counties),
    period: month('period').refine((first) => first >= `${FIRST_PERIOD}-01` && first <= `${latest}-01`, {
      error: (issue) => `period must be a month from ${FIRST_PERIOD} to ${latest}: ${JSON.stringify(String(issue.input).slice(0, 7))}`,
    }),
    version: integer('version', 1, 1000),
    submitted_at: cstTime('submitted_at').refine((at) => at <= latestSubmission, {
      error: (issue) => `submitted_at ${issue.input} is in the future`,
    }),
    figures: z.record(z.string(), z.unknown(), { error: NON_EMPTY }).check((payload) => {
      const problem = figureProblem(payload.value, ctx.figures);
      if (problem) payload.issues.push({ code: 'custom', message: problem, input: payload.value });
    }),
  });
});

/** The declared report figures (dim_report_figure), by name. */
export async function reportFigures(db: Database): Promise<Map<string, ReportFigure>> {
  const rows = await db.rows<{ figure: string; unit: string; whole: boolean; min_value: number; max_value: number; at_most: string | null }>(
    'SELECT figure, unit, whole, min_value, max_value, at_most FROM dim_report_figure',
  );
  return new Map(rows.map((r) => [r.figure, { unit: r.unit, whole: r.whole, min: r.min_value, max: r.max_value, atMost: r.at_most }]));
}

/** A stored report as its record's fields (period 'YYYY-MM', submitted_at CST wall clock). */
export interface StoredReport {
  period: string;
  version: number;
  submitted_at: string;
  figures: Record<string, unknown>;
}

const stored = perRun((ctx) => record(ctx).omit({ region_code: true }));

/** Why a stored report would be refused by today's checks (its region was checked when it
 * came in), or null: for reports stored before a check existed. */
export function storedReportProblem(report: StoredReport, ctx: ValidationContext): string | null {
  const result = stored(ctx).safeParse(report);
  return result.success ? null : result.error.issues[0].message;
}

export const reportsFeed: Feed = {
  name: 'reports',
  path: 'api/reports',
  stageTable: 'stage_report',
  rawTable: 'raw_report',
  columns: ['region_code', 'period_month', 'metric', 'value', 'version', 'submitted_at', 'run_id'],
  applySql: sqlText(new URL('./reports.apply.sql', import.meta.url).pathname),
  key: (r) => `${r.region_code}|${r.period}|${r.version}`,
  rows(r, ctx) {
    const c = parseRecord(record(ctx), r);
    return Object.entries(c.figures).map(([metric, value]) => [c.region_code, c.period, metric, value as number, c.version, c.submitted_at]);
  },
};
