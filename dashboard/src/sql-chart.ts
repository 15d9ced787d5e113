// The SQL console's quick chart: any result drawn as bars, lines or points from the
// columns the analyst picks for x, y and colour.
import type { TopLevelSpec } from 'vega-lite';
import type { SqlColumn, SqlRow } from './sql-api.js';

export type Mark = 'bar' | 'line' | 'point';

export interface ChartChoice {
  x: string;
  y: string;
  color: string; // '' for none
  mark: Mark;
}

const FONT = 'PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif';
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

export const isNumeric = (c: SqlColumn) => NUMERIC.test(c.type);

/** Rows drawn at most: an SVG of 10 000 marks held the page for over a second and reads as noise. */
export const CHART_ROWS = 1000;
const isTemporal = (c: SqlColumn) => c.type === 'DATE' || c.type.startsWith('TIMESTAMP');

/** A first guess: the first non-numeric column along x, the first numeric one up y. */
export function defaultChoice(columns: SqlColumn[]): ChartChoice | null {
  const y = columns.find(isNumeric);
  if (!y) return null;
  const x = columns.find((c) => !isNumeric(c)) ?? columns.find((c) => c !== y) ?? y;
  return { x: x.name, y: y.name, color: '', mark: isTemporal(x) ? 'line' : 'bar' };
}

export function quickChartSpec(rows: SqlRow[], columns: SqlColumn[], choice: ChartChoice): TopLevelSpec {
  const col = (name: string) => columns.find((c) => c.name === name)!;
  const x = col(choice.x);
  const xType = isTemporal(x) ? 'temporal' : isNumeric(x) && choice.mark !== 'bar' ? 'quantitative' : 'ordinal';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 280,
    config: { font: FONT, axis: { labelFontSize: 12, titleFontSize: 13 }, view: { stroke: null } },
    data: { values: rows.slice(0, CHART_ROWS) },
    mark: { type: choice.mark, tooltip: true, ...(choice.mark === 'line' ? { point: true } : {}) },
    encoding: {
      x: { field: choice.x, type: xType, axis: { labelAngle: xType === 'ordinal' ? -45 : 0 }, sort: null },
      y: { field: choice.y, type: 'quantitative' },
      ...(choice.color ? { color: { field: choice.color, type: isNumeric(col(choice.color)) ? 'quantitative' : 'nominal' } } : {}),
    },
  };
}
