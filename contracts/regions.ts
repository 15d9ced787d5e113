// The region tree and the Appendix A items as the pages select them (plain rows in, plain
// data out): shared by the dashboard, which builds its selections with them, and the page
// endpoints (api/routes/pages.ts), which derive the panels' parameters from a selection the same way.
import type { CatalogueRow, MetricRow, RegionRow } from './rows.js';

export function childrenOf(regions: RegionRow[], code: string): RegionRow[] {
  return regions.filter((r) => r.parent_code === code);
}

/** The region whose children are compared when viewing `code`: itself, or for a county
 * (nothing below it) its parent, so a county is shown among its siblings. */
export function scopeOf(regions: RegionRow[], code: string): RegionRow {
  const region = regions.find((r) => r.code === code)!;
  return childrenOf(regions, code).length ? region : regions.find((r) => r.code === region.parent_code)!;
}

/** A second-level item (二级项目) of Appendix A with the computed metrics that measure it. */
export interface Item {
  key: string;
  metrics: Pick<MetricRow, 'code' | 'name'>[];
}

export function itemsOf(catalogue: CatalogueRow[], metrics: MetricRow[]): Item[] {
  const items = new Map<string, Item>();
  for (const row of catalogue) {
    if (!row.metrics?.length) continue;
    const key = `${row.p1} · ${row.p2}`;
    const item = items.get(key) ?? { key, metrics: [] };
    for (const code of row.metrics) item.metrics.push({ code, name: metrics.find((m) => m.code === code)?.name ?? row.name });
    items.set(key, item);
  }
  return [...items.values()];
}
