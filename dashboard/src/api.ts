// All fetching lives here: components receive data as properties.

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
}

export interface Metric {
  code: string;
  name: string;
  unit: string;
  higher_is_better: boolean;
  appendix_code: string | null;
  definition: string;
}

export interface VerticalRow {
  region_code: string;
  period: string;
  metric: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  prev_value: number | null;
  mom_change: number | null;
  yoy_value: number | null;
  yoy_change: number | null;
  trailing_12m: number | null;
}

export interface HorizontalRow {
  region_code: string;
  region_name: string;
  period: string;
  value: number;
  rank: number;
  peers: number;
  peer_median: number;
  gap_to_median: number;
}

export interface CatalogueRow {
  code: string;
  p1: string;
  p2: string;
  name: string;
  category: string;
  source: 'computed' | 'manual';
  metrics: string[] | null;
}

export interface MoverRow {
  region_code: string;
  region_name: string;
  level: Region['level'];
  period: string;
  metric: string;
  value: number;
  prev_value: number;
  mom_change: number;
  improvement: number;
}

/** One cell of the regions × months heat map: a horizontal comparison without the gap. */
export type HeatRow = Omit<HorizontalRow, 'gap_to_median'>;

export interface PeerSeriesRow {
  region_code: string;
  period: string;
  metric: string;
  metric_name: string;
  unit: string;
  higher_is_better: boolean;
  value: number;
  peer_median: number;
  gap_to_median: number;
  rank: number;
  peers: number;
}

export interface AlertRow {
  alert_id: number;
  rule_id: string;
  rule_label: string;
  region_code: string;
  region_name: string;
  level: Region['level'];
  period: string;
  value: number | null;
  message: string;
  first_fired_at: string;
  open: boolean;
}

/** Reference data every page needs, fetched once. */
export interface Reference {
  regions: Region[];
  metrics: Metric[];
  catalogue: CatalogueRow[];
}

let reference: Promise<Reference> | null = null;

export function getReference(): Promise<Reference> {
  reference ??= Promise.all([getTable<Region>('/api/regions'), getTable<Metric>('/api/metrics'), getTable<CatalogueRow>('/api/catalogue')])
    .then(([regions, metrics, catalogue]) => ({ regions, metrics, catalogue }))
    .catch((err) => {
      reference = null; // let the next attempt retry
      throw err;
    });
  return reference;
}

export interface MonthList {
  /** Months with data, newest first. */
  months: string[];
  /** The month a page opens on: the newest whose statistical reports are in. */
  initial: string;
}

export async function getMonths(): Promise<MonthList> {
  const rows = (await getTable<{ period: string; complete: boolean }>('/api/periods', { period_type: 'month' })).reverse();
  return { months: rows.map((r) => r.period), initial: (rows.find((r) => r.complete) ?? rows[0])?.period ?? '' };
}

export function errorText(err: unknown): string {
  return err instanceof ApiError ? err.message : `页面出错：${String(err)}`;
}

export class ApiError extends Error {}

export async function getTable<T>(path: string, params: Record<string, string> = {}): Promise<T[]> {
  const url = `${path}?${new URLSearchParams(params)}`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或稍后重试');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body?.error ?? `服务器返回错误 ${res.status}`);
  return body.data as T[];
}

export interface Scheme {
  code: string;
  name: string;
  version: string;
  total_points: number;
  bonus_cap: number;
  grades: { grade: string; min: number; max: number | null }[];
}

export interface ScoreTotal {
  period: string;
  base_points: number;
  bonus_points: number;
  total: number;
  max_total: number;
  grade: string;
  projected_total: number;
  projected_grade: string;
  missing_entries: number;
  pending_entries: number;
}

export interface ScoreItem {
  level: 'P1' | 'P2';
  code: string;
  p1_code: string;
  p1: string;
  p2: string | null;
  points: number;
  max_points: number;
}

export interface ScoreIndicator {
  indicator_code: string;
  p1: string;
  p2: string;
  p2_code: string;
  name: string;
  category: 'G' | 'E';
  metric: string | null;
  source: 'computed' | 'manual';
  value: number | null;
  max_points: number;
  points: number;
  points_lost: number;
  status: 'scored' | 'missing' | 'pending';
  rule_detail: string;
}

/** A total with the next grade band up (v_score_gap). */
export interface ScoreOutlook extends ScoreTotal {
  region_code: string;
  region_name: string;
  next_grade: string | null;
  points_to_next: number | null;
  projected_next_grade: string | null;
  projected_points_to_next: number | null;
  missing_points: number;
  pending_points: number;
}

/** A region's total among the regions under the same parent (v_score_peer). */
export interface ScoreRank extends HorizontalRow {
  grade: string;
  projected_total: number;
  projected_grade: string;
}

/** An indicator score with its target and the peers' median (v_score_indicator_target). */
export interface ScoreTarget extends ScoreIndicator {
  period: string;
  target_value: number | null;
  floor_value: number | null;
  direction: 'higher_is_better' | 'lower_is_better';
  unit: string | null;
  peer_median: number | null;
}

export const DEFAULT_SCHEME = 'standard';
