// Region tree and Appendix A helpers shared by the pages (plain data in, plain data out).
import type { CatalogueRow, MetricRow, RegionRow } from '../../contracts/rows.js';
import type { Crumb } from './components/breadcrumbs.js';

export function childrenOf(regions: RegionRow[], code: string): RegionRow[] {
  return regions.filter((r) => r.parent_code === code);
}

/** Province › city › county down to `code`. */
export function trailOf(regions: RegionRow[], code: string): Crumb[] {
  const out: Crumb[] = [];
  for (let r = regions.find((x) => x.code === code); r; r = regions.find((x) => x.code === r!.parent_code)) out.unshift({ code: r.code, name: r.name });
  return out;
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

/** The region whose children are compared when viewing `code`: itself, or for a county
 * (nothing below it) its parent, so a county is shown among its siblings. */
export function scopeOf(regions: RegionRow[], code: string): RegionRow {
  const region = regions.find((r) => r.code === code)!;
  return childrenOf(regions, code).length ? region : regions.find((r) => r.code === region.parent_code)!;
}
