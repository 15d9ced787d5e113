// Runs console queries on connections of their own (never the API's reader pool), a few at a
// time, each inside a read-only transaction, interrupted when it passes the time limit and
// read only up to the row cap.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readResult, type Database, type QueryResult } from '../warehouse/database.js';
import { ConsoleError, prepareReadOnly } from './guard.js';
import type { ConsoleLimits } from './limits.js';

export interface ConsoleResult extends QueryResult {
  truncated: boolean;
  elapsed_ms: number;
}

export class ConsoleRunner {
  private readonly idle: DuckDBConnection[] = [];
  private running = 0;

  constructor(
    private readonly db: Database,
    readonly limits: ConsoleLimits,
  ) {}

  async run(sql: string): Promise<ConsoleResult> {
    // Refuse at once rather than queue: a queue would let a burst hold the server up just the same.
    if (this.running >= this.limits.maxConcurrent) {
      throw new ConsoleError(429, `${this.limits.maxConcurrent} console queries are already running; wait for one to finish and run again`);
    }
    this.running++;
    let conn: DuckDBConnection | undefined;
    try {
      conn = this.idle.pop() ?? (await this.db.connect());
      const result = await this.runOn(conn, sql);
      this.idle.push(conn);
      conn = undefined;
      return result;
    } finally {
      // A connection whose query failed may be left mid-transaction or interrupted: replace it.
      if (conn) this.db.disconnect(conn);
      this.running--;
    }
  }

  private async runOn(conn: DuckDBConnection, sql: string): Promise<ConsoleResult> {
    const started = performance.now();
    // Read-only transaction: even a write that slipped past the guard (a sequence bump in a
    // macro, say) fails inside DuckDB.
    await conn.run('BEGIN TRANSACTION READ ONLY');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      conn.interrupt();
    }, this.limits.timeoutMs);
    try {
      const prepared = await prepareReadOnly(conn, sql);
      // Stream so that only about maxRows rows are ever produced, whatever the query would return.
      const reader = await prepared.streamAndReadUntil(this.limits.maxRows + 1);
      clearTimeout(timer);
      const { columns, rows } = readResult(reader);
      const truncated = rows.length > this.limits.maxRows;
      return {
        columns,
        rows: truncated ? rows.slice(0, this.limits.maxRows) : rows,
        truncated,
        elapsed_ms: Math.round(performance.now() - started),
      };
    } catch (err) {
      if (timedOut)
        throw new ConsoleError(
          408,
          `the query ran longer than the ${this.limits.timeoutMs / 1000} s time limit and was stopped; narrow it (filter, aggregate, LIMIT) and run again`,
        );
      if (err instanceof ConsoleError) throw err;
      throw new ConsoleError(400, `the query failed: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
      await conn.run('ROLLBACK');
    }
  }
}
