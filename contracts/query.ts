// The words of the API's query parameters, as zod schemas: the routes validate with them
// (api/validate.ts turns a failed check into a 400 naming the parameter), the dashboard
// types its requests by their input types. A check's message is what follows
// "parameter '<name>'" in that 400; missing values and unknown codes are worded there.
import { z } from 'zod';

const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
type PeriodType = (typeof PERIOD_TYPES)[number];

const PERIOD_FORMS: Record<PeriodType, { pattern: RegExp; example: string }> = {
  month: { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, example: '2025-06' },
  quarter: { pattern: /^\d{4}-Q[1-4]$/, example: '2025-Q2' },
  year: { pattern: /^\d{4}$/, example: '2025' },
};

/** Dimensions whose codes the API checks against the codes it has loaded. */
export type CodeKind = 'region' | 'metric' | 'scheme' | 'figure';

/** A required value, such as a region, metric or scheme code. */
const required = z.string({ error: 'must be given once' }).min(1);

/** A required or (with a default) optional value from a fixed list. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A whole number from 1 to max, `fallback` when absent. */
function limit(fallback: number, max: number) {
  return z
    .string()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max, `must be an integer from 1 to ${max}`)
    .transform(Number)
    .default(fallback);
}

/** An optional filter; absent or empty means no filter. */
function filter(pattern: RegExp, expected: string) {
  return z
    .string()
    .optional()
    .refine((v) => !v || pattern.test(v), `must be ${expected}`)
    .transform((v) => v || undefined);
}

/** Checks the named period parameters against the form the query's period type asks for
 * (a month like 2025-06, a quarter like 2025-Q2, a year like 2025); for `.superRefine`. */
function periodsOf<K extends string>(form: (q: { period_type?: string }) => string | undefined, names: K[]) {
  return (q: { [N in K]?: unknown } & { period_type?: string }, ctx: z.RefinementCtx) => {
    const forms: Partial<Record<string, { pattern: RegExp; example: string }>> = PERIOD_FORMS;
    const type = form(q) ?? '';
    const expected = forms[type];
    if (!expected) return; // a bad period type is reported by its own check
    for (const name of names) {
      const v = q[name];
      if (typeof v === 'string' && !expected.pattern.test(v))
        ctx.addIssue({ code: 'custom', path: [name], message: `must be a ${type} like ${expected.example}` });
    }
  };
}

const period_type = oneOf(PERIOD_TYPES).default('month');
/** A range of periods, open at either end. */
const range = { from: z.string().optional(), to: z.string().optional() };

/** One region's series of a metric over a range of periods. */
export const seriesQuery = z.object({ metric: required, region: required, period_type, ...range }).superRefine(periodsOf((q) => q.period_type, ['from', 'to']));

export const horizontalQuery = z
  .object({ metric: required, parent: required, period_type, period: required })
  .superRefine(periodsOf((q) => q.period_type, ['period']));

export const periodsQuery = z.object({ period_type });

export const moversQuery = z
  .object({ metric: required, region: required, level: oneOf(['city', 'county']), period: required, limit: limit(5, 200) })
  .superRefine(periodsOf(() => 'month', ['period']));

export const heatmapQuery = z.object({ metric: required, parent: required, ...range }).superRefine(periodsOf(() => 'month', ['from', 'to']));

export const peerSeriesQuery = z
  .object({ region: required, period_type: oneOf(['month', 'year']).default('month'), ...range })
  .superRefine(periodsOf((q) => q.period_type, ['from', 'to']));

/** One region's four service KPIs (v_service_kpi) for a period. */
export const serviceKpiQuery = z.object({ region: required, period_type, period: required }).superRefine(periodsOf((q) => q.period_type, ['period']));

export const alertsQuery = z.object({ region: required, status: oneOf(['open', 'all']).default('open'), limit: limit(50, 10_000) });

/** Scores are by month, year to date (named by its month) or year. */
const SCORE_PERIOD_TYPES = ['month', 'ytd', 'year'] as const;
export type ScorePeriodType = (typeof SCORE_PERIOD_TYPES)[number];
const scorePeriodForm = (q: { period_type?: string }) => (q.period_type === 'year' ? 'year' : 'month');
const scoreBase = { scheme: required, region: required, period_type: oneOf(SCORE_PERIOD_TYPES).default('month') };

export const scoresQuery = z.object({ ...scoreBase, period: z.string().optional() }).superRefine(periodsOf(scorePeriodForm, ['period']));

export const scoreAtQuery = z.object({ ...scoreBase, period: required }).superRefine(periodsOf(scorePeriodForm, ['period']));

export const scoreIndicatorsQuery = z
  .object({ ...scoreBase, period: required, item: filter(/^[A-Za-z0-9.]{1,16}$/, 'a P1 or P2 item code like 2 or 2.1'), limit: limit(1000, 1000) })
  .superRefine(periodsOf(scorePeriodForm, ['period']));

export const scoreSeriesQuery = z
  .object({ ...scoreBase, period: z.string().optional(), metric: required, ...range })
  .superRefine(periodsOf(scorePeriodForm, ['period', 'from', 'to']));

export const scoreLostQuery = z.object({ ...scoreBase, period: required, limit: limit(1000, 1000) }).superRefine(periodsOf(scorePeriodForm, ['period']));

export const scoreRankingQuery = z
  .object({ scheme: required, parent: required, period_type: scoreBase.period_type, period: required })
  .superRefine(periodsOf(scorePeriodForm, ['period']));

export const runsQuery = z.object({
  feed: filter(/^[a-z][a-z0-9_]{0,63}$/, 'a collector name'),
  status: filter(/^(running|ok|failed)$/, 'one of running, ok, failed'),
  limit: limit(100, 10_000),
});

export const quarantineQuery = z.object({
  feed: runsQuery.shape.feed,
  run: filter(/^\d{1,18}$/, 'a run id').transform((v) => (v === undefined ? undefined : Number(v))),
  limit: limit(100, 10_000),
});

export const reportVersionsQuery = z
  .object({
    region: filter(/^\d{6}$/, 'a 6-digit region code'),
    metric: filter(/^[a-z][a-z0-9_]{0,63}$/, 'a report figure name'),
    period: z.string().optional(),
    limit: limit(1000, 100_000),
  })
  .superRefine(periodsOf(() => 'month', ['period']));

/** The evaluation report of a region and a year, under a scheme (the standard one by default). */
export const reportQuery = z.object({ region: required, year: required, scheme: required.default('standard') }).superRefine(periodsOf(() => 'year', ['year']));
export type ReportQuery = z.input<typeof reportQuery>;

/** The audit log, newest first, filtered by action, acting user and CST day range. */
export const auditQuery = z.object({
  action: filter(/^[a-z_]{1,32}$/, 'an audit action like login'),
  actor: filter(/^[a-z0-9._@-]{1,64}$/, 'a login'),
  from: filter(/^\d{4}-\d\d-\d\d$/, 'a day like 2025-06-01'),
  to: filter(/^\d{4}-\d\d-\d\d$/, 'a day like 2025-06-30'),
  limit: limit(500, 100_000),
});

/** The overview page's selection (全省概览): its region and month, the metric ranked and mapped,
 * the second-level item of the small multiples (its key, as the page names it), the movers'
 * level under the province and the scheme of the scores. */
export const overviewPageQuery = z
  .object({
    region: required,
    period: required,
    metric: required,
    item: z.string().optional(),
    movers: oneOf(['city', 'county']).default('county'),
    scheme: required,
  })
  .superRefine(periodsOf(() => 'month', ['period']));

/** The agency page's selection (经办机构自查): a city or county, a year, a scheme. */
export const agencyPageQuery = z.object({ region: required, year: required, scheme: required }).superRefine(periodsOf(() => 'year', ['year']));

/** The score page's selection (绩效评分): a period without scores of its type (or none) opens the
 * default one, so its form is not checked here. */
export const scorePageQuery = z.object({ ...scoreBase, period: z.string().optional() });
