// A feed source serving prepared records from a table (feed, seq, record JSON): the collectors'
// path exactly as with the HTTP source, minus the network, for the benchmark and tests.
// The cursor is the last seq served. Time spent serving is kept apart, so write-path
// throughput can be measured without it.
import type { Database } from '../server/db/database.js';
import type { HttpSource, SourcePage } from '../collectors/source.js';

export class TableSource {
  /** Milliseconds spent producing pages (reading and parsing records). */
  servingMs = 0;

  constructor(
    private readonly db: Database,
    private readonly table = 'feed_record',
    /** When it returns true the feed ends after the current page (a live run stopping). */
    private readonly stop: () => boolean = () => false,
  ) {}

  async page(path: string, since: string, limit: number): Promise<SourcePage> {
    const started = performance.now();
    const feed = path.replace(/^api\//, '');
    const after = /^\d+$/.test(since) ? Number(since) : 0;
    const rows = await this.db.rows<{ seq: number; record: string }>(
      `SELECT seq, record FROM ${this.table} WHERE feed = $feed AND seq > $after ORDER BY seq LIMIT $limit`,
      { feed, after, limit: limit + 1 },
    );
    const served = rows.slice(0, limit);
    const page: SourcePage = {
      items: served.map((r) => JSON.parse(r.record) as Record<string, unknown>),
      next: String(served.at(-1)?.seq ?? after),
      has_more: rows.length > limit && !this.stop(),
    };
    this.servingMs += performance.now() - started;
    return page;
  }

  /** The Collector takes an HttpSource; this class has the one method it calls. */
  asSource(): HttpSource {
    return this as unknown as HttpSource;
  }
}
