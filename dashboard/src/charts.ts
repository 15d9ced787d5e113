// Vega-Lite specs for the dashboard's charts.
import type { TopLevelSpec } from 'vega-lite';
import type { HorizontalRow, MetricRow, VerticalRow } from '../../contracts/rows.js';

/** A column of the rows a chart draws, by name, so that a column renamed in its contract fails
 * to compile in the chart too. */
export const columnOf =
  <R>() =>
  (name: keyof R & string) =>
    name;

export const FONT = 'PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif';
export const config = { font: FONT, axis: { labelFontSize: 12, titleFontSize: 13 }, view: { stroke: null } };

/** Vertical comparison: the region's monthly series with its trailing-12-month line. */
export function trendSpec(rows: VerticalRow[], metric: MetricRow, regionName: string): TopLevelSpec {
  const col = columnOf<VerticalRow>();
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${regionName} · ${metric.name} 月度趋势`, anchor: 'start', fontSize: 15 },
    width: 'container',
    height: 260,
    config,
    data: { values: rows },
    transform: [{ fold: [col('value'), col('trailing_12m')], as: ['series', 'v'] }, { filter: 'datum.v !== null' }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: col('period'), type: 'ordinal', title: '月份', axis: { labelAngle: -45 } },
      y: { field: 'v', type: 'quantitative', title: metric.unit, scale: { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: [col('value'), col('trailing_12m')], range: ['#1f5fa8', '#9aa7b5'] },
        legend: { orient: 'top', labelExpr: "datum.value === 'value' ? '当月' : '近12个月'" },
      },
      tooltip: [
        { field: col('period'), title: '月份' },
        { field: 'v', title: metric.name, format: '.2f' },
      ],
    },
  };
}

/** Horizontal comparison: sibling regions ranked, the peer median as a rule. */
export function rankSpec(rows: HorizontalRow[], metric: MetricRow, highlight: string): TopLevelSpec {
  const col = columnOf<HorizontalRow>();
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${metric.name} 同级地区排名（${rows[0]?.period ?? ''}）`, anchor: 'start', fontSize: 15 },
    width: 'container',
    height: { step: 20 },
    config,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y: { field: col('region_name'), type: 'nominal', sort: { field: col('rank'), order: 'ascending' }, title: null },
          x: { field: col('value'), type: 'quantitative', title: metric.unit, scale: { zero: false } },
          color: {
            condition: { test: `datum.${col('region_code')} === '${highlight}'`, value: '#e08a1e' },
            value: '#1f5fa8',
          },
          tooltip: [
            { field: col('region_name'), title: '地区' },
            { field: col('rank'), title: '排名' },
            { field: col('value'), title: metric.name, format: '.2f' },
            { field: col('gap_to_median'), title: '与中位数差距', format: '+.2f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#b3261e', strokeDash: [4, 3] },
        encoding: { x: { aggregate: 'min', field: col('peer_median'), type: 'quantitative' } },
      },
    ],
  };
}
