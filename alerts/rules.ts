// The `alerts` section of the config: threshold rules and the webhook. Validated at start;
// a bad rule stops start-up with a message naming it (alerts.rules[i] and its id).
import { z } from 'zod';
import { parseConfigWith } from '../core/config.js';
import { httpUrlOrNull, integerIn, nonEmptyText, numberFrom, oneOf, textLike } from '../core/validation.js';

const LEVELS = ['province', 'city', 'county'] as const;
const levels = (fallback: (typeof LEVELS)[number][]) => {
  const error = `must be a non-empty list of ${LEVELS.join(', ')}`;
  return z.array(oneOf(LEVELS), { error }).min(1, { error }).default(fallback);
};
const metric = (kind: string) => {
  const error = `must name a metric for kind '${kind}'`;
  return z.string({ error }).min(1, { error });
};
const common = {
  id: textLike(/^[a-z0-9_]+$/, 'a snake_case name'),
  minDenominator: numberFrom(0).default(0),
  label: nonEmptyText('a non-empty Chinese name for the dashboard'),
};

const beyond = <K extends 'below' | 'above'>(kind: K) =>
  z.strictObject({ kind: z.literal(kind), metric: metric(kind), threshold: numberFrom(), levels: levels(['city', 'county']), ...common });

// Each kind names its threshold for what it is; the stored rule calls it threshold.
const ruleSchema = z
  .discriminatedUnion('kind', [
    /** value below/above threshold */
    beyond('below'),
    beyond('above'),
    /** fell by more than `points` (in the metric's unit) from the month before */
    z.strictObject({ kind: z.literal('drop'), metric: metric('drop'), points: numberFrom(0), levels: levels(['city', 'county']), ...common }),
    /** an upload more than `days` overdue */
    z.strictObject({ kind: z.literal('upload_overdue'), days: numberFrom(0), levels: levels(['county']), ...common }),
  ])
  .transform((r) => ({
    id: r.id,
    kind: r.kind,
    /** dim_metric code; null for upload_overdue. */
    metric: r.kind === 'upload_overdue' ? null : r.metric,
    /** value (below/above), points in the metric's unit (drop) or days (upload_overdue). */
    threshold: r.kind === 'upload_overdue' ? r.days : r.kind === 'drop' ? r.points : r.threshold,
    levels: r.levels,
    minDenominator: r.minDenominator,
    label: r.label,
  }));
export type AlertRule = z.output<typeof ruleSchema>;
export type RuleKind = AlertRule['kind'];

const webhookSchema = z.strictObject({
  url: httpUrlOrNull(),
  timeoutMs: integerIn(100).default(5000),
  maxAttempts: integerIn(1).default(5),
  retryDelayMs: integerIn(0).default(2000),
});
export type WebhookConfig = z.output<typeof webhookSchema>;

/** The `alerts` section; absent means no rules and no webhook. */
export const alertConfigSchema = z
  .strictObject({
    lookbackMonths: integerIn(1).default(2),
    webhook: webhookSchema.prefault({}),
    rules: z
      .array(ruleSchema, { error: 'must be a list of rules' })
      .default([])
      .superRefine((rules, ctx) => {
        rules.forEach((r, i) => {
          if (rules.findIndex((o) => o.id === r.id) < i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'is the id of an earlier rule too' });
        });
      }),
  })
  .prefault({});
export type AlertConfig = z.output<typeof alertConfigSchema>;

/** Parses the `alerts` section on its own. */
export const parseAlertConfig = (raw: unknown): AlertConfig => parseConfigWith(alertConfigSchema, raw, 'alerts');
