// Region tree and Appendix A helpers shared by the pages (plain data in, plain data out); those
// the page endpoints share live in contracts/regions.ts.
import type { RegionRow } from '../../contracts/rows.js';
import type { Crumb } from './components/breadcrumbs.js';

export { childrenOf, itemsOf, scopeOf, type Item } from '../../contracts/regions.js';

/** Province › city › county down to `code`. */
export function trailOf(regions: RegionRow[], code: string): Crumb[] {
  const out: Crumb[] = [];
  for (let r = regions.find((x) => x.code === code); r; r = regions.find((x) => x.code === r!.parent_code)) out.unshift({ code: r.code, name: r.name });
  return out;
}
