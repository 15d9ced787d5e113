export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const digits = unit === '%' ? 1 : 2;
  return unit === '%' ? `${value.toFixed(digits)}%` : `${value.toFixed(digits)} ${unit}`;
}

/** A change in the metric's unit: percentage points for rates. */
export function formatChange(change: number | null | undefined, unit: string): string {
  if (change === null || change === undefined) return '—';
  const digits = unit === '%' ? 1 : 2;
  const shown = Number(change.toFixed(digits)) || 0; // no "-0.0"
  const sign = shown > 0 ? '+' : '';
  return unit === '%' ? `${sign}${shown.toFixed(digits)} 个百分点` : `${sign}${shown.toFixed(digits)} ${unit}`;
}
