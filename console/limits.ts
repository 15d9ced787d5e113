// Limits that keep one analyst's ad hoc SQL from hanging the server or starving the
// collectors and the live dashboard: the `console` section of the config.
import { z } from 'zod';
import { integerIn } from '../core/validation.js';

export const consoleLimitsSchema = z
  .strictObject({
    /** A query still running after this is interrupted. */
    timeoutMs: integerIn(10, 600_000).default(15_000),
    /** Rows returned at most; a longer result comes back cut, flagged truncated. */
    maxRows: integerIn(1, 1_000_000).default(10_000),
    /** Bytes a result may hold (each row counted as its text); a larger one is refused with a 422. */
    maxBytes: integerIn(1024, 1_073_741_824).default(33_554_432),
    /** Console queries running at once (each on its own connection); one more gets a 429. */
    maxConcurrent: integerIn(1, 16).default(2),
  })
  .prefault({});
export type ConsoleLimits = z.output<typeof consoleLimitsSchema>;

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = consoleLimitsSchema.parse(undefined);
