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
