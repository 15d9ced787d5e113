// Feed sources serving prepared records from a table (feed, record JSON) in the order they
// were queued: the collectors' path exactly as with the HTTP source, minus the network, for
// the benchmark and tests. The cursor is the rowid of the next record to serve (rows are stored
// in insertion order, the first at rowid 0). Time spent serving is kept apart, so write-path throughput can be
// measured without it.
import { Collector, yieldToRequests, type RunOptions, type RunSummary } from '../ingest/runner.js';
import { FEEDS } from '../ingest/feeds/index.js';
import type { SourcePage } from '../ingest/source.js';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../warehouse/database.js';

/** One feed's records, paged after a cursor. */
export class TableSource {
  readonly kind = 'cursor' as const;
  readonly label: string;
  /** Milliseconds spent producing pages (reading and parsing records). */
  servingMs = 0;

  constructor(
    private readonly db: Database,
    private readonly feed: string,
    private readonly table: string,
    /** When it returns true the feed ends after the current page (a live run stopping). */
    private readonly stop: () => boolean,
  ) {
    this.label = `${table} (${feed})`;
  }

  async page(since: string, limit: number): Promise<SourcePage> {
    const started = performance.now();
    const after = /^\d+$/.test(since) ? Number(since) : 0;
    const rows = await this.db.rows<{ seq: number; record: string }>(
      `SELECT rowid AS seq, record FROM ${this.table} WHERE feed = $feed AND rowid >= $after ORDER BY rowid LIMIT $limit`,
      { feed: this.feed, after, limit: limit + 1 },
    );
    const served = rows.slice(0, limit);
    // Parsed in slices, giving way to requests between them, as a streaming parser would.
    const items: Record<string, unknown>[] = [];
    for (const [i, r] of served.entries()) {
      if (i > 0 && i % 2000 === 0) await yieldToRequests();
      items.push(JSON.parse(r.record) as Record<string, unknown>);
    }
    const page: SourcePage = {
      items,
      next: String(served.length > 0 ? served[served.length - 1].seq + 1 : after),
      has_more: rows.length > limit && !this.stop(),
    };
    this.servingMs += performance.now() - started;
    return page;
  }
}

/** Creates a record table (if missing). */
export const createRecordTable = (c: DuckDBConnection, table: string) => c.run(`CREATE TABLE IF NOT EXISTS ${table} (feed VARCHAR, record VARCHAR)`);

/** Queues the records a query selects (feed, updated_at, record) after those already queued,
 * in the order of their update time — as a source serves them. Written unsorted next to the
 * table first, then moved over in time slices of about 500,000 records, each sorted: a month
 * of a province's records never has to be sorted in memory at once. */
export async function queueRecords(c: DuckDBConnection, table: string, select: string): Promise<void> {
  const unsorted = `${table}_unsorted`;
  await c.run(`CREATE OR REPLACE TABLE ${unsorted} AS ${select}`);
  const reader = await c.runAndReadAll(`SELECT count(*), epoch_us(min(updated_at)), epoch_us(max(updated_at)) + 1 FROM ${unsorted}`);
  const [count, from, to] = reader.getRows()[0].map(Number);
  const slices = Math.max(1, Math.ceil(count / 500_000));
  for (let i = 0; i < slices && count > 0; i++) {
    const lo = i === 0 ? from : Math.floor(from + ((to - from) * i) / slices);
    const hi = i === slices - 1 ? to : Math.floor(from + ((to - from) * (i + 1)) / slices);
    await c.run(`INSERT INTO ${table} SELECT feed, record FROM ${unsorted}
      WHERE epoch_us(updated_at) >= ${lo} AND epoch_us(updated_at) < ${hi} ORDER BY updated_at, record`);
  }
  await c.run(`DROP TABLE ${unsorted}`);
}

/** A Collector fed from a record table. The one place here that knows how the runner is
 * given its source and a feed to run. */
export class TableCollector {
  readonly collector: Collector;
  private readonly sources = new Map<string, TableSource>();

  constructor(
    private readonly db: Database,
    private readonly table = 'feed_record',
    private readonly stop: () => boolean = () => false,
  ) {
    this.collector = new Collector(db, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
  }

  source(feed: string): TableSource {
    if (!this.sources.has(feed)) this.sources.set(feed, new TableSource(this.db, feed, this.table, this.stop));
    return this.sources.get(feed)!;
  }

  /** Milliseconds all feeds spent serving pages. */
  get servingMs(): number {
    return [...this.sources.values()].reduce((sum, s) => sum + s.servingMs, 0);
  }

  run(feed: string, opts: Omit<RunOptions, 'initialSince'>): Promise<RunSummary> {
    return this.collector.run({ name: feed, feed: FEEDS[feed], source: this.source(feed) }, { ...opts, initialSince: '0' });
  }
}
