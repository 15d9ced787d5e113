/** Exponential backoff: the delay before retry `attempt` (1 = the first retry), doubling
 * from `baseMs` up to `maxMs`; with `jitter`, a random share of 50–100 % of it, so many
 * clients retrying together spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs = Number.POSITIVE_INFINITY, jitter = false): number {
  const delay = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return jitter ? delay * (0.5 + Math.random() / 2) : delay;
}
