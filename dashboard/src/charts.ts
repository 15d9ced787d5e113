// Vega-Lite specs for the dashboard's charts.
import type { TopLevelSpec } from 'vega-lite';
import type { HorizontalRow, MetricRow, ScoreTargetRow, VerticalRow } from '../../contracts/rows.js';

/** A column of the rows a chart draws, by name, so that a column renamed in its contract fails
 * to compile in the chart too. */
export const columnOf =
  <R>() =>
  (name: keyof R & string) =>
    name;

export const FONT = 'PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif';
export const config = { font: FONT, axis: { labelFontSize: 12, titleFontSize: 13 }, view: { stroke: null } };

const GOOD = '#1a7f4b';
const BAD = '#b3261e';

/** The colour of a chart's marks and rules on one scale, so one legend names every mark (each
 * layer carries it whole: a layer's channel replaces, not merges, the one it would inherit). */
const legendColor = (names: string[], colors: string[]) => ({
  type: 'nominal' as const,
  title: null,
  scale: { domain: names, range: colors },
  legend: { orient: 'top' as const },
});

/** The scheme's target and floor for a metric, those it has (SQL gives both: v_score_indicator_target). */
function goalLines(target: ScoreTargetRow | undefined) {
  return [
    { name: '目标值', value: target?.target_value ?? null, dash: [6, 3], color: GOOD },
    { name: '起评值', value: target?.floor_value ?? null, dash: [2, 2], color: BAD },
  ].filter((l) => l.value !== null);
}

/** One colour scale for a chart's marks and its goal lines: one legend names each. */
function chartColor(marks: [string, string][], goals: ReturnType<typeof goalLines>) {
  return legendColor([...marks.map((m) => m[0]), ...goals.map((g) => g.name)], [...marks.map((m) => m[1]), ...goals.map((g) => g.color)]);
}

/** The goal lines as rules across `axis` (y on a trend, x on a ranking). */
function goalRules(goals: ReturnType<typeof goalLines>, axis: 'x' | 'y', color: ReturnType<typeof legendColor>) {
  return goals.map((l) => ({
    data: { values: [{}] }, // one line, not one per row of the chart's data
    mark: { type: 'rule' as const, strokeDash: l.dash, strokeWidth: 1.5 },
    encoding: { [axis]: { datum: l.value, type: 'quantitative' as const }, color: { ...color, datum: l.name } },
  }));
}

/** Vertical comparison: the region's monthly series with its trailing-12-month line, and the
 * scheme's target and floor as rule lines. */
export function trendSpec(rows: VerticalRow[], metric: MetricRow, regionName: string, target?: ScoreTargetRow): TopLevelSpec {
  const col = columnOf<VerticalRow>();
  const goals = goalLines(target);
  const color = chartColor(
    [
      ['当月', '#1f5fa8'],
      ['近12个月', '#9aa7b5'],
    ],
    goals,
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${regionName} · ${metric.name} 月度趋势`, anchor: 'start', fontSize: 15 },
    width: 'container',
    height: 260,
    config,
    data: { values: rows },
    layer: [
      {
        transform: [
          { fold: [col('value'), col('trailing_12m')], as: ['key', 'v'] },
          { filter: 'datum.v !== null' },
          { calculate: "datum.key === 'value' ? '当月' : '近12个月'", as: 'series' },
        ],
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: col('period'), type: 'ordinal', title: '月份', axis: { labelAngle: -45 } },
          y: { field: 'v', type: 'quantitative', title: metric.unit, scale: { zero: false } },
          color: { ...color, field: 'series' },
          tooltip: [
            { field: col('period'), title: '月份' },
            { field: 'v', title: metric.name, format: '.2f' },
          ],
        },
      },
      ...goalRules(goals, 'y', color),
    ],
  };
}

/** Horizontal comparison: sibling regions ranked, the peer median, the target and the floor as rules. */
export function rankSpec(rows: HorizontalRow[], metric: MetricRow, highlight: string, target?: ScoreTargetRow): TopLevelSpec {
  const col = columnOf<HorizontalRow>();
  const goals = goalLines(target);
  const color = chartColor(
    [
      ['所选地区', '#e08a1e'],
      ['同级地区', '#1f5fa8'],
      ['同级中位数', '#5b6b7c'],
    ],
    goals,
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${metric.name} 同级地区排名（${rows[0]?.period ?? ''}）`, anchor: 'start', fontSize: 15 },
    width: 'container',
    height: { step: 20 },
    config,
    data: { values: rows },
    layer: [
      {
        transform: [{ calculate: `datum.${col('region_code')} === '${highlight}' ? '所选地区' : '同级地区'`, as: 'kind' }],
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { field: col('region_name'), type: 'nominal', sort: { field: col('rank'), order: 'ascending' }, title: null },
          x: { field: col('value'), type: 'quantitative', title: metric.unit, scale: { zero: false } },
          color: { ...color, field: 'kind' },
          tooltip: [
            { field: col('region_name'), title: '地区' },
            { field: col('rank'), title: '排名' },
            { field: col('value'), title: metric.name, format: '.2f' },
            { field: col('gap_to_median'), title: '与中位数差距', format: '+.2f' },
          ],
        },
      },
      {
        mark: { type: 'rule', strokeDash: [4, 3] },
        encoding: { x: { aggregate: 'min', field: col('peer_median'), type: 'quantitative' }, color: { ...color, datum: '同级中位数' } },
      },
      ...goalRules(goals, 'x', color),
    ],
  };
}
