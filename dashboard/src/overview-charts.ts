// Vega-Lite specs of the overview and agency pages: the regions × months heat map, small
// multiples of one second-level item, and a region against its peers' median.
import type { TopLevelSpec } from 'vega-lite';
import type { HeatRow, MetricRow, PeerSeriesRow, VerticalRow } from '../../contracts/rows.js';
import { columnOf, config } from './charts.js';

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

/** Small multiples: every metric of a second-level item over the months. */
export function smallMultiplesSpec(rows: SeriesRow[], title: string): TopLevelSpec {
  const col = columnOf<SeriesRow>();
  return perMetric(rows, title, {
    mark: { type: 'line', point: true, color: '#1f5fa8' },
    encoding: {
      x: MONTH_AXIS,
      y: { field: col('value'), type: 'quantitative', title: null, scale: { zero: false } },
      tooltip: [
        { field: col('metric_name'), title: '指标' },
        { field: col('period'), title: '月份' },
        { field: col('value'), title: '数值', format: '.2f' },
      ],
    },
  });
}

/** An agency's months against its peers' median, one panel per metric. */
export function peerTrendSpec(rows: PeerSeriesRow[], title: string): TopLevelSpec {
  const col = columnOf<PeerSeriesRow>();
  return perMetric(
    rows,
    title,
    {
      mark: { type: 'line', point: true },
      encoding: {
        x: MONTH_AXIS,
        y: { field: 'v', type: 'quantitative', title: null, scale: { zero: false } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          scale: { domain: [col('value'), col('peer_median')], range: ['#1f5fa8', '#e08a1e'] },
          legend: { orient: 'top', labelExpr: "datum.value === 'value' ? '本地区' : '同级中位数'" },
        },
        strokeDash: {
          field: 'series',
          type: 'nominal',
          legend: null,
          scale: {
            domain: [col('value'), col('peer_median')],
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
    [{ fold: [col('value'), col('peer_median')], as: ['series', 'v'] }],
  );
}
