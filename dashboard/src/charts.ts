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

/** The scheme's target and floor, as SQL gives them for a metric (v_score_indicator_target). */
export const GOALS = [
  { name: '目标值', field: 'target_value', dash: [6, 3], color: GOOD },
  { name: '起评值', field: 'floor_value', dash: [2, 2], color: BAD },
] as const;
type Goal = (typeof GOALS)[number];

/** The goals any of the targets has (a chart of one metric has one target row, small multiples one per metric). */
export const goalsOf = (targets: (ScoreTargetRow | undefined)[]) => GOALS.filter((g) => targets.some((t) => t && t[g.field] !== null));

/** One colour scale for a chart's marks and its goal lines: one legend names each. */
function chartColor(marks: [string, string][], goals: readonly Goal[]) {
  return legendColor([...marks.map((m) => m[0]), ...goals.map((g) => g.name)], [...marks.map((m) => m[1]), ...goals.map((g) => g.color)]);
}

/** A goal line's rule mark and colour (its legend entry). */
const goalRule = (g: Goal, color: ReturnType<typeof legendColor>) => ({
  mark: { type: 'rule' as const, strokeDash: [...g.dash], strokeWidth: 1.5 },
  color: { ...color, datum: g.name },
});

/** The goal lines of one metric as rules across `axis` (y on a trend, x on a ranking). */
function goalRules(target: ScoreTargetRow | undefined, axis: 'x' | 'y', color: ReturnType<typeof legendColor>) {
  return goalsOf([target]).map((g) => {
    const { mark, color: c } = goalRule(g, color);
    // one line, not one per row of the chart's data
    return { data: { values: [{}] }, mark, encoding: { [axis]: { datum: target![g.field], type: 'quantitative' as const }, color: c } };
  });
}

/** Goal lines for small charts of several metrics, each chart its metric's: every row carries
 * its metric's target and floor, and each chart draws the least of its rows' (all the same) as a
 * rule across y. The marks' colours and the goals' are on one scale, one legend naming each. */
export function metricGoals<R extends { metric: string }>(rows: R[], targets: Record<string, ScoreTargetRow | undefined>, marks: [string, string][]) {
  const goals = goalsOf([...new Set(rows.map((r) => r.metric))].map((m) => targets[m]));
  const color = chartColor(marks, goals);
  return {
    rows: rows.map((r) => ({ ...r, target_value: targets[r.metric]?.target_value ?? null, floor_value: targets[r.metric]?.floor_value ?? null })),
    color,
    rules: goals.map((g) => {
      const { mark, color: c } = goalRule(g, color);
      return {
        transform: [{ filter: `datum.${g.field} !== null` }], // a metric without one draws none
        mark,
        encoding: { y: { aggregate: 'min' as const, field: g.field, type: 'quantitative' as const }, color: c },
      };
    }),
  };
}

/** Vertical comparison: the region's monthly series with its trailing-12-month line, and the
 * scheme's target and floor as rule lines. */
export function trendSpec(rows: VerticalRow[], metric: MetricRow, regionName: string, target?: ScoreTargetRow): TopLevelSpec {
  const col = columnOf<VerticalRow>();
  const color = chartColor(
    [
      ['当月', '#1f5fa8'],
      ['近12个月', '#9aa7b5'],
    ],
    goalsOf([target]),
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
      ...goalRules(target, 'y', color),
    ],
  };
}

/** Horizontal comparison: sibling regions ranked, the peer median, the target and the floor as rules. */
export function rankSpec(rows: HorizontalRow[], metric: MetricRow, highlight: string, target?: ScoreTargetRow): TopLevelSpec {
  const col = columnOf<HorizontalRow>();
  const color = chartColor(
    [
      ['所选地区', '#e08a1e'],
      ['同级地区', '#1f5fa8'],
      ['同级中位数', '#5b6b7c'],
    ],
    goalsOf([target]),
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
      ...goalRules(target, 'x', color),
    ],
  };
}
