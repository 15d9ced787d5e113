// What every round operation is given: who asks (their account and the request's origin, for
// the audit log) and the day it is (CST), which tests set to walk through working days.
import type { Actor } from '../access/audit.js';
import type { User } from '../access/users.js';
import { dayOf } from '../core/time.js';

export interface Caller {
  user: User;
  actor: Actor;
}

export interface Clock {
  /** Today in CST, YYYY-MM-DD. */
  today(): string;
}

export const SYSTEM_CLOCK: Clock = { today: () => dayOf(Date.now()) };

/** The stored times of a round: CST wall-clock, as the audit log's. */
export const NOW_CST = "CAST(timezone('Asia/Shanghai', now()) AS TIMESTAMP)";

export const isAdmin = (user: Pick<User, 'roles'>) => user.roles.includes('admin');
