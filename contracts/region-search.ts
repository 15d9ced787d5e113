// Finding a region among the province's 168: in tree order (each city followed by its counties
// and zones), named with its city where the name alone is ambiguous (two 市中区), and matched by
// any part of its name, its pinyin initials (ycx → 郓城县) or the start of its code.
import type { RegionRow } from './rows.js';

export type PickerRegion = Pick<RegionRow, 'code' | 'name' | 'level' | 'parent_code' | 'kind' | 'initials'>;

export interface RegionEntry {
  region: PickerRegion;
  /** The name, with its parent's in brackets when another region has the same name. */
  label: string;
  /** 0 for the top of the list, 1 for its children, … */
  depth: number;
}

export function regionEntries(regions: PickerRegion[]): RegionEntry[] {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const named = new Map<string, number>();
  for (const r of regions) named.set(r.name, (named.get(r.name) ?? 0) + 1);
  const children = new Map<string | null, PickerRegion[]>();
  for (const r of regions) {
    const parent = r.parent_code && byCode.has(r.parent_code) ? r.parent_code : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: RegionEntry[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      const up = r.parent_code ? byCode.get(r.parent_code) : undefined;
      out.push({ region: r, label: named.get(r.name)! > 1 && up ? `${r.name}（${up.name}）` : r.name, depth });
      walk(r.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function matchRegions(entries: RegionEntry[], query: string): RegionEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter(({ region, label }) => label.includes(q) || region.initials.includes(q) || region.code.startsWith(q));
}
