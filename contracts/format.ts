// How numbers and names are written, the same on the dashboard and in the evaluation report.

import type { RegionKind, RegionLevel } from './rows.js';

const LEVEL_NAME: Record<RegionLevel, string> = { province: '省', city: '市', county: '县（区）' };

/** A level's name; a development zone (kind 'zone', at county level) is a 功能区, never a county. */
export function levelName(level: RegionLevel, kind: RegionKind = 'division'): string {
  return kind === 'zone' ? '功能区' : LEVEL_NAME[level];
}

/** A number with `digits` decimals, grouped by thousands (61,961.54): every figure is written so. */
const grouped = (value: number, digits: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const digits = unit === '%' ? 1 : 2;
  const shown = grouped(Number(value.toFixed(digits)) || 0, digits); // no "-0.0"
  return unit === '%' ? `${shown}%` : `${shown} ${unit}`;
}

/** A count or an amount in whole units (件, 元), grouped by thousands; '—' when there is none. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : grouped(value, 0);
}

/** A change as it shows (one decimal for percentages, two otherwise); 0 for "-0.0". */
export function shownChange(change: number, unit: string): number {
  return Number(change.toFixed(unit === '%' ? 1 : 2)) || 0;
}

/** A change in the metric's unit: percentage points for rates. */
export function formatChange(change: number | null | undefined, unit: string): string {
  if (change === null || change === undefined) return '—';
  const digits = unit === '%' ? 1 : 2;
  const shown = shownChange(change, unit);
  const sign = shown > 0 ? '+' : '';
  return unit === '%' ? `${sign}${grouped(shown, digits)} 个百分点` : `${sign}${grouped(shown, digits)} ${unit}`;
}

/** Score points with at most two decimals and no trailing zeros. */
export function formatPoints(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : String(Number(v.toFixed(2)));
}
