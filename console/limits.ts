// Limits that keep one analyst's ad hoc SQL from hanging the server or starving the
// collectors and the live dashboard.
export interface ConsoleLimits {
  /** A query still running after this is interrupted. */
  timeoutMs: number;
  /** Rows returned at most; a longer result comes back cut, flagged truncated. */
  maxRows: number;
  /** Console queries running at once (each on its own connection); one more gets a 429. */
  maxConcurrent: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { timeoutMs: 15_000, maxRows: 10_000, maxConcurrent: 2 };

/** Bounds for the configuration check. */
export const CONSOLE_LIMIT_RANGES: Record<keyof ConsoleLimits, [number, number]> = {
  timeoutMs: [10, 600_000],
  maxRows: [1, 1_000_000],
  maxConcurrent: [1, 16],
};
