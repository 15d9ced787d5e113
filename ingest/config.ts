// What the collectors are configured with: the `source` and `collectors` sections of the
// config file, as schemas (composed with the other sections by app/config.ts).
import cron from 'node-cron';
import { z } from 'zod';
import { projectPath } from '../core/config.js';
import { httpUrlOrNull, integerIn, nonEmptyText, textLike, trueOrFalse } from '../core/validation.js';
import { FEEDS } from './feeds/index.js';
import { REFRESH_JOB } from './feed.js';

const FEED_NAMES = Object.keys(FEEDS) as [string, ...string[]];
// A SQL identifier, optionally schema-qualified: interpolated into queries, so nothing else passes.
const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;
const column = () => textLike(IDENT, 'a lower-case column name');

/** Where a collector reads from. */
const sourceSchema = z.discriminatedUnion('type', [
  /** The platform's feed API; baseUrl null = source.baseUrl (or the embedded simulator), path null = the feed's own. */
  z.strictObject({ type: z.literal('http').default('http'), baseUrl: httpUrlOrNull(), path: nonEmptyText().nullable().default(null) }),
  /** A drop folder of report files (CSV, XLSX), moved to `archive` once loaded. */
  z.strictObject({ type: z.literal('folder'), inbox: nonEmptyText().transform(projectPath), archive: nonEmptyText().transform(projectPath) }),
  /** A table or view in PostgreSQL, read in (watermarkColumn, idColumn) order. */
  z.strictObject({
    type: z.literal('postgres'),
    connectionString: textLike(/^postgres(ql)?:\/\//, "a 'postgres://user:password@host:port/database' URL"),
    table: textLike(IDENT, 'a lower-case table or view name (schema.table)'),
    watermarkColumn: column(),
    idColumn: column(),
    lookbackSeconds: integerIn(0, 86_400).default(300),
  }),
]);
export type SourceConfig = z.output<typeof sourceSchema>;

const feedSchema = z.strictObject({
  /** Which feed the records are (cases, reports, uploads, ratings, complaints); defaults to the entry's name. */
  feed: z.enum(FEED_NAMES, { error: `must name a known feed (${FEED_NAMES.join(', ')})` }),
  enabled: trueOrFalse().default(true),
  schedule: nonEmptyText().refine((s) => cron.validate(s), { error: 'is not a valid cron expression' }),
  pageSize: integerIn(1, 50_000).default(5000),
  source: sourceSchema.prefault({}),
});
export type FeedConfig = z.output<typeof feedSchema>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An entry without `feed` is the feed of its name. */
const withFeedNames = (feeds: unknown) =>
  isObject(feeds)
    ? Object.fromEntries(Object.entries(feeds).map(([name, f]) => [name, isObject(f) && f.feed === undefined ? { ...f, feed: name } : f]))
    : feeds;

const feedsSchema = z
  .preprocess(
    withFeedNames,
    z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), feedSchema, {
      error: (iss) =>
        iss.code === 'invalid_key'
          ? 'is not a lower-case snake_case collector name'
          : 'must be an object of collector name: {feed, schedule, pageSize, source}',
    }),
  )
  .superRefine((feeds, ctx) => {
    if (REFRESH_JOB in feeds)
      ctx.addIssue({ code: 'custom', path: [REFRESH_JOB], message: `is the run log's name for refreshes of the marts; name the collector otherwise` });
    for (const [name, f] of Object.entries(feeds)) {
      if (f.source.type === 'folder' && f.feed !== 'reports') {
        ctx.addIssue({
          code: 'custom',
          path: [name, 'feed'],
          input: f.feed,
          message: "must be 'reports' for a folder source (it holds statistical report files)",
        });
      }
    }
  });

const retrySchema = z.strictObject({
  attempts: integerIn(1, 100).default(5),
  baseDelayMs: integerIn(0, 600_000).default(1000),
  maxDelayMs: integerIn(0, 3_600_000).default(30_000),
});
export type RetryConfig = z.output<typeof retrySchema>;

/** The platform's feed API, for HTTP sources without a base URL of their own. */
const platformSchema = z.strictObject({ baseUrl: httpUrlOrNull(), timeoutMs: integerIn(100, 600_000) });
export type PlatformConfig = z.output<typeof platformSchema>;

const collectorsSchema = z.strictObject({
  backfillMonths: integerIn(1, 240),
  refreshEveryPages: integerIn(1, 10_000),
  retry: retrySchema.prefault({}),
  feeds: feedsSchema,
});
export type CollectorsConfig = z.output<typeof collectorsSchema>;

/** The `source` and `collectors` sections. */
export const ingestConfigSchema = z.strictObject({ source: platformSchema, collectors: collectorsSchema });
export type IngestConfig = z.output<typeof ingestConfigSchema>;
