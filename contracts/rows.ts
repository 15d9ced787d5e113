// The rows of every API table response, declared once: the routes build their SELECT lists
// from these columns (select.ts), the dashboard and the report take their row types from
// them, and an integration test parses every endpoint's rows with them. Written as zod
// objects so the columns exist at run time too; the dashboard imports only the types
// (`import type`), so zod stays out of its bundle.
// Values as the API sends them (warehouse/database.ts readResult): counts, sums and decimals
// as numbers, dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS' (China Standard Time).
import { z } from 'zod';

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
/** division: a GB/T 2260 administrative division; zone: a development zone (功能区), at county level. */
export const REGION_KINDS = ['division', 'zone'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

const text = z.string();
const num = z.number();
const int = z.number().int();
const bool = z.boolean();
const date = z.string().regex(/^\d{4}-\d\d-\d\d$/);
const timestamp = z.string().regex(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/);
const level = z.enum(REGION_LEVELS);
const category = z.enum(['G', 'E']);
const source = z.enum(['computed', 'manual']);
const feedStatus = z.enum(['running', 'ok', 'failed']);

/** A region with its peer group (dim_region_peer): it is compared with the regions of its kind
 * under peer_scope (null for the root, which has no peers). */
export const regionRow = z.object({
  code: text,
  name: text,
  level,
  parent_code: text.nullable(),
  kind: z.enum(REGION_KINDS),
  peer_scope: text.nullable(),
  /** Pinyin initials of the name (济南市 → jns). */
  initials: text,
});
export type RegionRow = z.infer<typeof regionRow>;

export const metricRow = z.object({
  code: text,
  name: text,
  unit: text,
  higher_is_better: bool,
  appendix_code: text.nullable(),
  definition: text,
});
export type MetricRow = z.infer<typeof metricRow>;

/** An Appendix A row, computed (with its metrics and their definitions) or manual (with the import path of its scores). */
export const catalogueRow = z.object({
  code: text,
  p1: text,
  p2: text,
  name: text,
  category,
  methods: text,
  description: text,
  /** Each correction of the standard's printed text, and why; null where the row is as printed. */
  notes: text.nullable(),
  source,
  metrics: z.array(text).nullable(),
  definition: text.nullable(),
  import_path: text.nullable(),
});
export type CatalogueRow = z.infer<typeof catalogueRow>;

export const valueRow = z.object({
  region_code: text,
  region_name: text,
  period_type: text,
  period: text,
  metric: text,
  numerator: num.nullable(),
  denominator: num.nullable(),
  value: num.nullable(),
});
export type ValueRow = z.infer<typeof valueRow>;

/** 服务关键指标 (v_service_kpi): one of the four GOV.UK service KPIs of a region and period,
 * its value the ratio of the additive parts, each part named by what it counts. */
export const serviceKpiRow = z.object({
  kpi: text,
  metric: text,
  metric_name: text,
  unit: text,
  value: num.nullable(),
  numerator: num.nullable(),
  denominator: num.nullable(),
  numerator_label: text,
  denominator_label: text,
  region_code: text,
  region_name: text,
  period_type: text,
  period: text,
});
export type ServiceKpiRow = z.infer<typeof serviceKpiRow>;

/** 纵向比较 (mart_compare_vertical): 环比, 同比 and their improvements (> 0 better), the trailing 12 months. */
export const verticalRow = z.object({
  region_code: text,
  period_type: text,
  period: text,
  metric: text,
  numerator: num.nullable(),
  denominator: num.nullable(),
  value: num.nullable(),
  prev_value: num.nullable(),
  mom_change: num.nullable(),
  mom_improvement: num.nullable(),
  yoy_value: num.nullable(),
  yoy_change: num.nullable(),
  yoy_improvement: num.nullable(),
  trailing_12m: num.nullable(),
  /** The period's data all in (v_period_completeness), and the share that is. */
  complete: bool,
  coverage: num,
  /** The bases' completeness: an incomplete base has no improvement (not coloured). */
  prev_complete: bool,
  yoy_complete: bool,
  trailing_complete: bool.nullable(),
});
export type VerticalRow = z.infer<typeof verticalRow>;

/** 横向比较 (mart_compare_horizontal): a region among its siblings. */
export const horizontalRow = z.object({
  region_code: text,
  region_name: text,
  period_type: text,
  period: text,
  metric: text,
  value: num,
  rank: int,
  peers: int,
  peer_median: num,
  gap_to_median: num,
  worse_than_median: bool,
});
export type HorizontalRow = z.infer<typeof horizontalRow>;

/** A period with data: complete when every expected county's data is in; is_default: the one every page opens on. */
export const periodRow = z.object({ period: text, complete: bool, is_default: bool });
export type PeriodRow = z.infer<typeof periodRow>;

export const moverRow = z.object({
  region_code: text,
  region_name: text,
  level,
  parent_code: text.nullable(),
  period: text,
  metric: text,
  value: num,
  prev_value: num,
  mom_change: num,
  improvement: num,
});
export type MoverRow = z.infer<typeof moverRow>;

/** One cell of the regions × months heat map: value, rank and the shortfall from the median (> 0 worse). */
export const heatRow = z.object({
  region_code: text,
  region_name: text,
  period: text,
  value: num,
  rank: int,
  peers: int,
  peer_median: num,
  shortfall: num,
});
export type HeatRow = z.infer<typeof heatRow>;

export const peerSeriesRow = z.object({
  region_code: text,
  parent_code: text,
  period: text,
  metric: text,
  metric_name: text,
  unit: text,
  value: num,
  peer_median: num,
  gap_to_median: num,
  worse_than_median: bool,
  rank: int,
  peers: int,
});
export type PeerSeriesRow = z.infer<typeof peerSeriesRow>;

export const alertRow = z.object({
  alert_id: int,
  rule_id: text,
  rule_label: text.nullable(),
  kind: text.nullable(),
  metric: text.nullable(),
  region_code: text,
  region_name: text,
  level,
  period: text,
  value: num.nullable(),
  threshold: num,
  message: text,
  first_fired_at: timestamp,
  last_fired_at: timestamp,
  resolved_at: timestamp.nullable(),
  open: bool,
  notified_at: timestamp.nullable(),
  notify_attempts: int,
  notify_error: text.nullable(),
});
export type AlertRow = z.infer<typeof alertRow>;

export const alertRuleRow = z.object({
  rule_id: text,
  kind: text,
  metric: text.nullable(),
  threshold: num,
  levels: z.array(level),
  min_denominator: num,
  label: text,
});
export type AlertRuleRow = z.infer<typeof alertRuleRow>;

export const schemeRow = z.object({
  code: text,
  name: text,
  version: text,
  description: text,
  total_points: num,
  bonus_cap: num,
  file: text,
  grades: z.array(z.object({ grade: text, min: num, max: num.nullable() })),
});
export type SchemeRow = z.infer<typeof schemeRow>;

/** A total with its grade, projection and the points to the next grade band (v_score_gap). */
export const scoreRow = z.object({
  scheme: text,
  region_code: text,
  period_type: text,
  period: text,
  base_points: num,
  bonus_points: num,
  total: num,
  max_total: num,
  grade: text,
  projected_total: num,
  projected_grade: text,
  bonus_earned: num,
  missing_entries: int,
  pending_entries: int,
  next_grade: text.nullable(),
  points_to_next: num.nullable(),
  projected_next_grade: text.nullable(),
  projected_points_to_next: num.nullable(),
  missing_points: num,
  pending_points: num,
  /** Every entry's data in (none pending), and the least covered entry's share. */
  complete: bool,
  coverage: num,
  region_name: text,
});
export type ScoreRow = z.infer<typeof scoreRow>;

export const scoreItemRow = z.object({
  scheme: text,
  region_code: text,
  period_type: text,
  period: text,
  /** P1, P2, or E: the incentive indicators' bonus, capped (max_points = the cap). */
  level: z.enum(['P1', 'P2', 'E']),
  p1: text,
  p2: text.nullable(),
  points: num,
  max_points: num,
  p1_code: text,
  code: text,
  ord: int,
});
export type ScoreItemRow = z.infer<typeof scoreItemRow>;

/** An indicator entry's score against its target and the peers' median (v_score_indicator_target). */
export const scoreTargetRow = z.object({
  scheme: text,
  region_code: text,
  period_type: text,
  period: text,
  indicator_code: text,
  p1: text,
  p2: text,
  name: text,
  category,
  metric: text.nullable(),
  source,
  value: num.nullable(),
  max_points: num,
  points: num,
  points_lost: num,
  rule: z.enum(['linear', 'deduction', 'manual']),
  status: z.enum(['scored', 'missing', 'pending']),
  rule_detail: text,
  bonus: bool,
  p1_code: text,
  p2_code: text,
  ord: int,
  target_value: num.nullable(),
  floor_value: num.nullable(),
  direction: z.enum(['higher_is_better', 'lower_is_better']),
  unit: text.nullable(),
  peer_median: num.nullable(),
  peer_rank: int.nullable(),
  peers: int.nullable(),
  worse_than_median: bool.nullable(),
});
export type ScoreTargetRow = z.infer<typeof scoreTargetRow>;

/** An indicator that lost points (v_score_lost): never an unassessed manual entry. */
export const lostRow = scoreTargetRow.extend({ status: z.enum(['scored', 'missing']) });
export type LostRow = z.infer<typeof lostRow>;

/** A region's total among the regions under the same parent (v_score_peer). */
export const scoreRankRow = z.object({
  scheme: text,
  region_code: text,
  region_name: text,
  parent_code: text,
  period_type: text,
  period: text,
  value: num,
  grade: text,
  max_total: num,
  projected_total: num,
  projected_grade: text,
  rank: int,
  peers: int,
  peer_median: num,
  gap_to_median: num,
  worse_than_median: bool,
});
export type ScoreRankRow = z.infer<typeof scoreRankRow>;

export const feedHealthRow = z.object({
  feed: text,
  last_status: feedStatus,
  last_error: text.nullable(),
  last_run_at: timestamp,
  last_success_at: timestamp.nullable(),
  seconds_since_success: int.nullable(),
  watermark: text.nullable(),
  data_lag_seconds: int.nullable(),
  failed_since_success: int,
  rows_in: int,
  rows_written: int,
  rows_rejected: int,
  rows_in_24h: int,
  rows_rejected_24h: int,
  retries: int,
  quarantined: int,
});
export type FeedHealthRow = z.infer<typeof feedHealthRow>;

export const runRow = z.object({
  run_id: int,
  feed: text,
  trigger: text,
  started_at: timestamp,
  ended_at: timestamp.nullable(),
  status: feedStatus,
  rows_in: int,
  rows_written: int,
  rows_rejected: int,
  watermark_from: text.nullable(),
  watermark_to: text.nullable(),
  error: text.nullable(),
  retries: int,
});
export type RunRow = z.infer<typeof runRow>;

export const quarantineRow = z.object({
  run_id: int,
  feed: text,
  natural_key: text.nullable(),
  reason: text,
  payload: text,
  quarantined_at: timestamp,
});
export type QuarantineRow = z.infer<typeof quarantineRow>;

/** How far the official working-day calendar (imported State Council notices) reaches from today (v_calendar_status). */
export const calendarStatusRow = z.object({
  today: date,
  official_end: date.nullable(),
  days_left: int.nullable(),
  warn: bool,
  next_year: int,
  calendar_end: date,
  last_import_at: timestamp.nullable(),
});
export type CalendarStatusRow = z.infer<typeof calendarStatusRow>;

export const reportVersionRow = z.object({
  region_code: text,
  period_month: date,
  metric: text,
  version: int,
  value: num,
  submitted_at: timestamp,
  run_id: int,
  is_current: bool,
  previous_version: int.nullable(),
  previous_value: num.nullable(),
});
export type ReportVersionRow = z.infer<typeof reportVersionRow>;

export const savedQueryRow = z.object({ name: text, query: text, created_at: timestamp, updated_at: timestamp });
export type SavedQueryRow = z.infer<typeof savedQueryRow>;

/** A table or view of the SQL console's schema browser, with its typed columns. */
export const catalogObjectRow = z.object({
  name: text,
  kind: z.enum(['table', 'view']),
  description: text,
  columns: z.array(z.object({ name: text, type: text })),
});
export type CatalogObjectRow = z.infer<typeof catalogObjectRow>;

export const exampleRow = z.object({ name: text, title: text, description: text, query: text });
export type ExampleRow = z.infer<typeof exampleRow>;

/** A row of the audit log (append-only); before/after as JSON text. */
export const auditRow = z.object({
  id: int,
  acted_at: timestamp,
  actor: text.nullable(),
  ip: text.nullable(),
  user_agent: text.nullable(),
  action: text,
  target: text.nullable(),
  before: text.nullable(),
  after: text.nullable(),
});
export type AuditRow = z.infer<typeof auditRow>;
