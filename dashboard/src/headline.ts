// The headline indicators shown as tiles (value with 环比/同比 arrows, and the scheme's target
// and floor for the metric with the points SQL gave the month) on the overview and monitoring
// pages, and how to fetch and draw them.
import { html } from 'lit';
import type { MetricRow, ScoreTargetRow, VerticalRow } from '../../contracts/rows.js';
import { HEADLINE } from '../../contracts/urls.js';
import { DEFAULT_SCHEME, getTable } from './api.js';

export interface HeadlineRows {
  /** Each headline metric's month, with its changes (null or absent: no value). */
  values: Record<string, VerticalRow | null | undefined>;
  /** Each metric's scored indicator for the month (target, floor, points), from v_score_indicator_target. */
  targets: Record<string, ScoreTargetRow | undefined>;
}

export async function getHeadline(region: string, period: string, scheme = DEFAULT_SCHEME): Promise<HeadlineRows> {
  const [indicators, ...rows] = await Promise.all([
    getTable('/api/scores/indicators', { scheme, region, period_type: 'month', period }),
    ...HEADLINE.map((metric) => getTable('/api/compare/vertical', { metric, region, from: period, to: period })),
  ]);
  return headlineOf(Object.fromEntries(HEADLINE.map((m, i) => [m, rows[i][0]])), indicators);
}

/** Each metric's scored indicator of the month (the first with a target per metric): its target and floor. */
export function targetsOf(indicators: ScoreTargetRow[]): HeadlineRows['targets'] {
  const targets: HeadlineRows['targets'] = {};
  for (const r of indicators) if (r.metric && r.target_value !== null) targets[r.metric] ??= r;
  return targets;
}

/** The tiles' rows from the month's values and its scored indicators. */
export function headlineOf(values: HeadlineRows['values'], indicators: ScoreTargetRow[]): HeadlineRows {
  return { values, targets: targetsOf(indicators) };
}

export function headlineTiles(metrics: MetricRow[], rows: HeadlineRows | undefined) {
  return HEADLINE.map((code) => {
    const m = metrics.find((x) => x.code === code);
    const row = rows?.values[code];
    return html`<si-kpi-tile
      data-metric=${code}
      .label=${m?.name ?? code}
      .unit=${m?.unit ?? '%'}
      .value=${row?.value ?? null}
      .mom=${row?.mom_change ?? null}
      .momImprovement=${row?.mom_improvement ?? null}
      .yoy=${row?.yoy_change ?? null}
      .yoyImprovement=${row?.yoy_improvement ?? null}
      .momBaseComplete=${row?.prev_complete ?? true}
      .yoyBaseComplete=${row?.yoy_complete ?? true}
      .target=${rows?.targets[code] ?? null}
    ></si-kpi-tile>`;
  });
}
