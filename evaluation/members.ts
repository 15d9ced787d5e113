// Who acts in a round (eval_member): a user's round roles, and for a region which actor of the
// transition table the user is — its agency, the upper level (the approvers of the nearest
// region above it in the round; the workgroup for a region with none), or the workgroup. A
// system administrator acts as the workgroup of every round.
import type { Actor, RoundRole } from '../contracts/evaluation.js';
import type { Database } from '../warehouse/database.js';
import { type Caller, isAdmin } from './context.js';
import { refused } from './errors.js';

export interface Member {
  login: string;
  role: RoundRole;
  region_code: string | null;
  indicators: string[];
}

export interface RegionPlace {
  region_code: string;
  parent_code: string | null;
}

export async function membersOf(db: Database, roundId: number): Promise<Member[]> {
  return db.rows<Member>('SELECT login, role, region_code, indicators FROM eval_member WHERE round_id = $roundId ORDER BY login, role, region_code', {
    roundId,
  });
}

export class Membership {
  constructor(
    readonly members: readonly Member[],
    private readonly caller: Caller,
  ) {}

  /** The caller holds the round role (for the region, when given). */
  holds(role: RoundRole, region: string | null = null): boolean {
    return this.members.some((m) => m.login === this.caller.user.login && m.role === role && (region === null || m.region_code === region));
  }

  get login(): string {
    return this.caller.user.login;
  }

  get actor(): Caller['actor'] {
    return this.caller.actor;
  }

  /** The caller's roles in the round (an administrator is the workgroup). */
  roles(): RoundRole[] {
    const mine = new Set(this.members.filter((m) => m.login === this.caller.user.login).map((m) => m.role));
    if (isAdmin(this.caller.user)) mine.add('workgroup');
    return [...mine];
  }

  isMember(): boolean {
    return this.roles().length > 0;
  }

  /** Refuses a caller who is neither a member of the round nor an administrator. */
  requireMember(): void {
    if (!this.isMember()) throw refused(`账户 ${this.caller.user.login} 不是本评价轮次的成员`);
  }

  workgroup(): boolean {
    return this.roles().includes('workgroup');
  }

  /** The actors of TRANSITIONS the caller is for the region. */
  actorsFor(place: RegionPlace): Set<Actor> {
    const actors = new Set<Actor>();
    if (this.holds('agency', place.region_code)) actors.add('agency');
    if (place.parent_code === null ? this.workgroup() : this.holds('approver', place.parent_code)) actors.add('upper');
    if (this.workgroup()) actors.add('workgroup');
    return actors;
  }

  /** Whether the caller scores the region's indicator in the role (evaluators: their regions and indicators). */
  scores(role: 'agency' | 'third_party' | 'superior', region: string, indicator: string): boolean {
    return this.members.some(
      (m) =>
        m.login === this.caller.user.login &&
        m.role === role &&
        m.region_code === region &&
        (role === 'agency' || m.indicators.length === 0 || m.indicators.includes(indicator)),
    );
  }

  /** Whether the caller may see the region's form: a member acting for it or for the round. */
  sees(place: RegionPlace): boolean {
    return this.actorsFor(place).size > 0 || this.members.some((m) => m.login === this.caller.user.login && m.region_code === place.region_code);
  }
}
