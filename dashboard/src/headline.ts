// The headline indicators shown as tiles (value with 环比/同比 arrows) on the overview
// and monitoring pages, and how to fetch and draw them.
import { html } from 'lit';
import type { MetricRow, VerticalRow } from '../../contracts/rows.js';
import { HEADLINE } from '../../contracts/urls.js';
import { getTable } from './api.js';

/** By metric; null or absent: no value (the overview's page endpoint says null). */
export type HeadlineRows = Record<string, VerticalRow | null | undefined>;

export async function getHeadline(region: string, period: string): Promise<HeadlineRows> {
  const rows = await Promise.all(HEADLINE.map((metric) => getTable('/api/compare/vertical', { metric, region, from: period, to: period })));
  return Object.fromEntries(HEADLINE.map((m, i) => [m, rows[i][0]]));
}

export function headlineTiles(metrics: MetricRow[], rows: HeadlineRows) {
  return HEADLINE.map((code) => {
    const m = metrics.find((x) => x.code === code);
    const row = rows[code];
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
    ></si-kpi-tile>`;
  });
}
