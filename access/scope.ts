// Region scope: what a user may see, from dim_region_scope (sql/model/dim_region_scope.sql,
// the SQL says which regions are below and which are peers). A user sees their own region and
// its subtree ('own') and, for indicator values and ranks, the regions a 通报 would show them
// ('peer'). An evaluator also sees the regions assigned to them, and scores only those (their
// own region's subtree when none are assigned). A user without a region sees nothing.
import type { Database } from '../warehouse/database.js';
import type { User } from './users.js';

export type Reach = 'own' | 'peer';

export interface UserScope {
  /** The region (with its subtree) is the user's, or assigned to them. */
  own(region: string): boolean;
  /** own, or visible to the user at 通报 level (peers' values and ranks). */
  peer(region: string): boolean;
  /** The user may enter manual scores for the region (evaluators: their assigned regions). */
  scores(region: string): boolean;
  /** The scope covers every region (a province-wide user): unfiltered lists are theirs to see. */
  all: boolean;
  /** Equal for users who see exactly the same (what a page built for one may be shown to another). */
  key: string;
}

export const NOTHING: UserScope = { own: () => false, peer: () => false, scores: () => false, all: false, key: '' };
export const EVERYTHING: UserScope = { own: () => true, peer: () => true, scores: () => true, all: true, key: '*' };

export class Scopes {
  // Scopes made, by key: every request asks for its user's.
  private readonly made = new Map<string, UserScope>();

  private constructor(
    private readonly reach: Map<string, { own: Set<string>; peer: Set<string> }>,
    private readonly regions: number,
  ) {}

  static async load(db: Database): Promise<Scopes> {
    const rows = await db.rows<{ scope_code: string; region_code: string; reach: Reach }>('SELECT scope_code, region_code, reach FROM dim_region_scope');
    const reach = new Map<string, { own: Set<string>; peer: Set<string> }>();
    for (const r of rows) {
      const entry = reach.get(r.scope_code) ?? { own: new Set(), peer: new Set() };
      entry[r.reach].add(r.region_code);
      reach.set(r.scope_code, entry);
    }
    return new Scopes(reach, reach.size);
  }

  private union(codes: readonly string[], kind: Reach): Set<string> {
    return new Set(codes.flatMap((c) => [...(this.reach.get(c)?.[kind] ?? [])]));
  }

  of(user: Pick<User, 'region_code' | 'roles' | 'assigned'>): UserScope {
    if (user.region_code === null) return NOTHING;
    const evaluator = user.roles.includes('evaluator');
    const assigned = evaluator ? user.assigned : [];
    const key = evaluator ? `${user.region_code}:evaluator:${assigned.join(',')}` : user.region_code;
    let scope = this.made.get(key);
    if (!scope) {
      scope = this.make(user.region_code, evaluator, assigned, key);
      this.made.set(key, scope);
    }
    return scope;
  }

  private make(region: string, evaluator: boolean, assigned: readonly string[], key: string): UserScope {
    const own = this.union([region, ...assigned], 'own');
    const peer = this.union([region], 'peer');
    const scored = evaluator ? this.union(assigned.length ? assigned : [region], 'own') : own;
    return {
      own: (r) => own.has(r),
      peer: (r) => own.has(r) || peer.has(r),
      scores: (r) => scored.has(r),
      all: own.size === this.regions,
      key,
    };
  }
}
