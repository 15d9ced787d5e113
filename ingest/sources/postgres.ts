// A table or view in an agency's PostgreSQL business database, read like the platform's
// feed API: rows after a ("watermark column", "id column") cursor, in that order, one page
// per query. Column names are the feed's record fields (a view can rename them); the
// watermark column must be a timestamp and becomes the record's updated_at.
import pg from 'pg';
import type { Source, SourcePage } from '../source.js';
import { SourceError } from '../source.js';

export interface PostgresSourceConfig {
  connectionString: string;
  table: string;
  watermarkColumn: string;
  idColumn: string;
  /** Each run re-reads this far behind its watermark: a transaction that stamped its rows
   * before the watermark but committed after the last read is still picked up. */
  lookbackSeconds: number;
}

/** PostgreSQL's "2025-03-03 09:00:00+08" as ISO 8601 "2025-03-03T09:00:00+08:00". */
function iso(text: string): string {
  return text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
}

// Times stay text for the collectors' own validation: timestamptz as ISO 8601 with its
// offset, timestamp and date as written (read as China Standard Time); bigint and numeric
// become numbers.
const PARSERS: Record<number, (s: string) => unknown> = { 1184: iso, 1114: String, 1082: String, 20: Number, 1700: Number };
const types = {
  getTypeParser: ((oid: number, format?: string) => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const quote = (ident: string) =>
  ident
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');

// SQLSTATE classes worth retrying: connection problems, server shutting down or out of resources.
const RETRYABLE = /^(08|53|57P|40001)/;

export class PostgresSource implements Source {
  readonly kind = 'cursor';
  readonly label: string;
  private readonly sql: string;

  constructor(
    private readonly cfg: PostgresSourceConfig,
    private readonly timeoutMs = 30_000,
  ) {
    const u = new URL(cfg.connectionString);
    this.label = `postgres ${u.host}${u.pathname} ${cfg.table}`;
    const wm = `t.${quote(cfg.watermarkColumn)}`;
    const id = `t.${quote(cfg.idColumn)}::text`;
    this.sql = `SELECT t.*, ${wm}::text AS __wm, ${id} AS __id FROM ${quote(cfg.table)} t
      WHERE (${wm}, ${id}) > ($1::timestamptz, $2::text) ORDER BY ${wm}, ${id} LIMIT $3`;
  }

  rewind(watermark: string): string {
    const at = Date.parse(watermark.split('|')[0]);
    if (!this.cfg.lookbackSeconds || Number.isNaN(at)) return watermark;
    return `${new Date(at - this.cfg.lookbackSeconds * 1000).toISOString()}|`;
  }

  async page(since: string, limit: number): Promise<SourcePage> {
    const bar = since.indexOf('|');
    const [at, after] = bar < 0 ? [since, ''] : [since.slice(0, bar), since.slice(bar + 1)];
    const client = new pg.Client({
      connectionString: this.cfg.connectionString,
      connectionTimeoutMillis: this.timeoutMs,
      statement_timeout: this.timeoutMs,
      types,
    });
    try {
      await client.connect();
      await client.query("SET TimeZone = 'Asia/Shanghai'");
      const { rows } = await client.query(this.sql, [at, after, limit]);
      const items = rows.map(({ __wm, __id, ...record }) => ({ ...record, updated_at: iso(__wm) }));
      const last = rows.at(-1);
      return { items, next: last ? `${iso(last.__wm)}|${last.__id}` : since, has_more: rows.length === limit };
    } catch (err) {
      const e = err as Error & { code?: string };
      throw new SourceError(`${this.label}: ${e.message}`, !e.code || RETRYABLE.test(e.code));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
