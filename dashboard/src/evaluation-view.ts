// How the evaluation round's rows are shown (plain data in, plain data out): the regions as a
// tree, the deadline a region is working to, file sizes, and which actions ask for a reason.
import { formatPoints } from '../../contracts/format.js';
import { ROLE_MODE, TRANSITIONS, type RegionAction, type RegionState, type RoundRegionRow, type RoundRow } from '../../contracts/evaluation.js';

/** The modes in the order a form shows them: the self-evaluation first, then who overrides it. */
export const MODES: readonly string[] = Object.values(ROLE_MODE);

export interface TreeRow {
  region: RoundRegionRow;
  depth: number;
}

/** The regions of a round with each city above its counties (a region whose parent is not in
 * the round is a root), in code order at every level. */
export function regionTree(rows: RoundRegionRow[]): TreeRow[] {
  const codes = new Set(rows.map((r) => r.region_code));
  const byCode = (a: RoundRegionRow, b: RoundRegionRow) => a.region_code.localeCompare(b.region_code);
  const out: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    const level = rows.filter((r) => (parent === null ? !r.parent_code || !codes.has(r.parent_code) : r.parent_code === parent)).sort(byCode);
    for (const region of level) {
      out.push({ region, depth });
      walk(region.region_code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The deadline the region is working to in its state: self-evaluation, review, or appeal. */
export function dueOf(round: RoundRow, state: RegionState): { label: string; date: string } | null {
  if (state === 'draft' || state === 'returned' || state === 'reopened') return { label: '自评截止', date: round.self_evaluation_due };
  if (state === 'submitted' || state === 'accepted') return { label: '审核截止', date: round.review_due };
  if (state === 'approved' && round.appeal_due) return { label: '申诉截止', date: round.appeal_due };
  return null;
}

/** A transition that must be given a reason (the contract's table says which). */
export const needsReason = (action: RegionAction) => TRANSITIONS.some((t) => t.action === action && t.reason);

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A timestamp as the pages show it: date and time to the second. */
export const formatTime = (t: string) => t.replace('T', ' ').slice(0, 19);

/** Points as the API sends them (exact decimals, e.g. "82.50000000"), shown as every page shows points. */
export const points = (s: string | null) => (s === null ? '—' : formatPoints(Number(s)));
