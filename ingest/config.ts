// What the collectors are configured with (the `source` and `collectors` sections of the
// config file, checked by app/config.ts).

/** Where a collector reads from. */
export type SourceConfig =
  /** The platform's feed API; baseUrl null = source.baseUrl (or the embedded simulator), path null = the feed's own. */
  | { type: 'http'; baseUrl: string | null; path: string | null }
  /** A drop folder of report files (CSV, XLSX), moved to `archive` once loaded. */
  | { type: 'folder'; inbox: string; archive: string }
  /** A table or view in PostgreSQL, read in (watermarkColumn, idColumn) order. */
  | { type: 'postgres'; connectionString: string; table: string; watermarkColumn: string; idColumn: string; lookbackSeconds: number };

export interface FeedConfig {
  /** Which feed the records are (cases, reports, uploads); defaults to the entry's name. */
  feed: string;
  enabled: boolean;
  schedule: string;
  pageSize: number;
  source: SourceConfig;
}

export interface RetryConfig {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The platform's feed API, for HTTP sources without a base URL of their own. */
export interface PlatformConfig {
  baseUrl: string | null;
  timeoutMs: number;
}

export interface CollectorsConfig {
  backfillMonths: number;
  refreshEveryPages: number;
  retry: RetryConfig;
  feeds: Record<string, FeedConfig>;
}

export interface IngestConfig {
  source: PlatformConfig;
  collectors: CollectorsConfig;
}
