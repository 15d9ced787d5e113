// Vega-Lite specs of the overview and agency pages: the regions × months heat map, small
// multiples of one second-level item, and a region against its peers' median; the small charts
// with their metric's target and floor as rule lines.
import type { TopLevelSpec } from 'vega-lite';
import type { HeatRow, MetricRow, PeerSeriesRow, ScoreTargetRow, VerticalRow } from '../../contracts/rows.js';
import { columnOf, config, metricGoals } from './charts.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Vertical (along a row) and horizontal (down a column) comparison in one picture: each
 * cell coloured by how far it falls short of (red) or beats (green) its siblings' median
 * that month, with its rank written in it. */
export function heatmapSpec(rows: HeatRow[], metric: MetricRow, title: string): TopLevelSpec {
  const col = columnOf<HeatRow>();
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: 'start', fontSize: 15 },
    width: 'container',
    height: { step: 22 },
    config,
    data: { values: rows },
    encoding: {
      x: { field: col('period'), type: 'ordinal', title: '月份', axis: { labelAngle: -45 } },
      y: { field: col('region_name'), type: 'nominal', title: null, sort: { field: col('region_code') } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
        encoding: {
          color: {
            field: col('shortfall'),
            type: 'quantitative',
            title: `差于同级中位数（${metric.unit}）`,
            // Red for worse than the median, green for better, as SQL's shortfall says.
            scale: { scheme: 'redyellowgreen', reverse: true, domainMid: 0 },
          },
          tooltip: [
            { field: col('region_name'), title: '地区' },
            { field: col('period'), title: '月份' },
            { field: col('value'), title: metric.name, format: '.2f' },
            { field: col('rank'), title: '同级排名' },
            { field: col('peer_median'), title: '同级中位数', format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12, color: '#1d2733' },
        encoding: { text: { field: col('rank'), type: 'quantitative' } },
      },
    ],
  };
}

export interface SeriesRow extends VerticalRow {
  metric_name: string;
}

/** As many 220 px small charts as fit the window's width, at most three to a row. */
const fittingColumns = () => Math.max(1, Math.min(3, Math.floor((window.innerWidth - 60) / 280)));

/** One small chart per metric (each with its own scale), up to three to a row. */
function perMetric(rows: object[], title: string, spec: Record<string, unknown>, transform: object[] = []): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, anchor: 'start', fontSize: 15 },
    config,
    data: { values: rows },
    transform,
    facet: { field: METRIC_NAME, type: 'nominal', title: null, header: { labelFontSize: 13 } },
    columns: fittingColumns(),
    resolve: { scale: { y: 'independent' } },
    spec: { width: 220, height: 125, ...spec },
  } as TopLevelSpec;
}

// Columns of both the small multiples' rows and the agency's peer series.
const METRIC_NAME: keyof SeriesRow & keyof PeerSeriesRow = 'metric_name';
const MONTH_AXIS = {
  field: 'period' satisfies keyof SeriesRow & keyof PeerSeriesRow,
  type: 'ordinal',
  title: null,
  axis: { labelAngle: -45, labelFontSize: 10 },
} as const;

/** Each metric's scored indicator (target and floor) under the chosen scheme, by metric. */
type Targets = Record<string, ScoreTargetRow | undefined>;

/** Small multiples: every metric of a second-level item over the months, against its target and floor. */
export function smallMultiplesSpec(rows: SeriesRow[], title: string, targets: Targets): TopLevelSpec {
  const col = columnOf<SeriesRow>();
  const goals = metricGoals(rows, targets, [['本地区', '#1f5fa8']]);
  return perMetric(goals.rows, title, {
    layer: [
      {
        transform: [{ calculate: "'本地区'", as: 'series' }],
        mark: { type: 'line', point: true },
        encoding: {
          x: MONTH_AXIS,
          y: { field: col('value'), type: 'quantitative', title: null, scale: { zero: false } },
          color: { ...goals.color, field: 'series' },
          tooltip: [
            { field: col('metric_name'), title: '指标' },
            { field: col('period'), title: '月份' },
            { field: col('value'), title: '数值', format: '.2f' },
          ],
        },
      },
      ...goals.rules,
    ],
  });
}

/** An agency's months against its peers' median and its target and floor, one panel per metric. */
export function peerTrendSpec(rows: PeerSeriesRow[], title: string, targets: Targets): TopLevelSpec {
  const col = columnOf<PeerSeriesRow>();
  const series: [string, string][] = [
    ['本地区', '#1f5fa8'],
    ['同级中位数', '#e08a1e'],
  ];
  const goals = metricGoals(rows, targets, series);
  return perMetric(
    goals.rows,
    title,
    {
      layer: [
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: MONTH_AXIS,
            y: { field: 'v', type: 'quantitative', title: null, scale: { zero: false } },
            color: { ...goals.color, field: 'series' },
            strokeDash: {
              field: 'series',
              type: 'nominal',
              legend: null,
              scale: {
                domain: series.map((s) => s[0]),
                range: [
                  [1, 0],
                  [5, 3],
                ],
              },
            },
            tooltip: [
              { field: col('metric_name'), title: '指标' },
              { field: col('period'), title: '月份' },
              { field: col('value'), title: '本地区', format: '.2f' },
              { field: col('peer_median'), title: '同级中位数', format: '.2f' },
              { field: col('rank'), title: '排名' },
            ],
          },
        },
        ...goals.rules,
      ],
    },
    [
      { fold: [col('value'), col('peer_median')], as: ['key', 'v'] },
      { calculate: `datum.key === '${col('value')}' ? '本地区' : '同级中位数'`, as: 'series' },
    ],
  );
}
