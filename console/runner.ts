// Runs console queries on connections of their own (never the API's reader pool), a few at a
// time, each inside a read-only transaction over the console's views for its scope
// (relations.ts), interrupted when it passes the time limit, read only up to the row cap and
// the byte cap. Bytes are counted by DuckDB before a row reaches JavaScript (each row's size as
// text, computed beside it), so a result too large is refused without being materialized here.
import { JsonDuckDBValueConverter, type DuckDBConnection } from '@duckdb/node-api';
import { plainRows, type Database, type QueryResult } from '../warehouse/database.js';
import { ConsoleError, engineError, prepareReadOnly } from './guard.js';
import type { ConsoleLimits } from './limits.js';
import { CONSOLE_SCHEMA, REGION_VARIABLE, createConsoleSchema, type ConsoleRelation } from './relations.js';

export interface ConsoleResult extends QueryResult {
  truncated: boolean;
  elapsed_ms: number;
}

/** Whose data a query sees: a region and everything below it, or (null) the whole province. */
export interface ConsoleScope {
  region: string | null;
}

const BYTES = '__si_row_bytes';
// A trailing semicolon (and comments after it) would end the wrapped subquery early.
const TRAILING = /;(?:\s|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*$/;

export class ConsoleRunner {
  private readonly idle: DuckDBConnection[] = [];
  private running = 0;
  private schema: Promise<ConsoleRelation[]> | undefined;

  constructor(
    private readonly db: Database,
    readonly limits: ConsoleLimits,
  ) {}

  /** The console's relations, their views created on first use (after migrate built the marts). */
  relations(): Promise<ConsoleRelation[]> {
    this.schema ??= createConsoleSchema(this.db).catch((err) => {
      this.schema = undefined;
      throw err;
    });
    return this.schema;
  }

  /** The relations a scope may read. */
  async visible(scope: ConsoleScope): Promise<ConsoleRelation[]> {
    return (await this.relations()).filter((r) => scope.region === null || r.scoped);
  }

  async run(sql: string, scope: ConsoleScope): Promise<ConsoleResult> {
    if (scope.region !== null && !/^\d{6}$/.test(scope.region))
      throw new ConsoleError(400, `地区代码应为六位数字：${scope.region}`, `scope region must be a six-digit code, got '${scope.region}'`);
    // Refuse at once rather than queue: a queue would let a burst hold the server up just the same.
    if (this.running >= this.limits.maxConcurrent) {
      throw new ConsoleError(
        429,
        `已有 ${this.limits.maxConcurrent} 个查询在运行，请等其中一个结束后再运行`,
        `${this.limits.maxConcurrent} console queries are already running; wait for one to finish and run again`,
      );
    }
    this.running++;
    let conn: DuckDBConnection | undefined;
    try {
      const relations = new Set((await this.visible(scope)).map((r) => r.name));
      conn = this.idle.pop() ?? (await this.open());
      const result = await this.runOn(conn, sql, scope, relations);
      this.idle.push(conn);
      conn = undefined;
      return result;
    } finally {
      // A connection whose query failed may be left mid-transaction or interrupted: replace it.
      if (conn) this.db.disconnect(conn);
      this.running--;
    }
  }

  private async open(): Promise<DuckDBConnection> {
    const conn = await this.db.connect();
    // Unqualified names resolve in the console's views only.
    await conn.run(`SET search_path = '${CONSOLE_SCHEMA}'`);
    return conn;
  }

  private async runOn(conn: DuckDBConnection, sql: string, scope: ConsoleScope, relations: ReadonlySet<string>): Promise<ConsoleResult> {
    const started = performance.now();
    await conn.run(scope.region === null ? `RESET VARIABLE ${REGION_VARIABLE}` : `SET VARIABLE ${REGION_VARIABLE} = '${scope.region}'`);
    // Read-only transaction: even a write that slipped past the guard fails inside DuckDB.
    await conn.run('BEGIN TRANSACTION READ ONLY');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      conn.interrupt();
    }, this.limits.timeoutMs);
    try {
      await prepareReadOnly(conn, sql, { relations });
      // The checked query, each row's size as text beside it (the wrapper is checked again).
      const wrapped = `SELECT __si_q.*, strlen(CAST(__si_q AS VARCHAR)) AS ${BYTES} FROM (\n${sql.replace(TRAILING, '')}\n) AS __si_q`;
      const prepared = await prepareReadOnly(conn, wrapped, { relations });
      const result = await prepared.stream();
      const names = result.columnNames().slice(0, -1);
      const types = result.columnTypes().slice(0, -1);
      const rows: unknown[][] = [];
      let bytes = 0;
      while (rows.length <= this.limits.maxRows) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const sizes = chunk.getColumnValues(names.length).map(Number);
        const take = Math.min(chunk.rowCount, this.limits.maxRows + 1 - rows.length);
        bytes += sizes.slice(0, take).reduce((a, b) => a + b, 0);
        if (bytes > this.limits.maxBytes) throw this.tooLarge();
        const json = chunk.convertRows(JsonDuckDBValueConverter).slice(0, take);
        rows.push(
          ...plainRows(
            types,
            json.map((r) => (r ?? []).slice(0, -1)),
          ),
        );
      }
      clearTimeout(timer);
      const truncated = rows.length > this.limits.maxRows;
      return {
        columns: names.map((name, i) => ({ name, type: types[i].toString() })),
        rows: truncated ? rows.slice(0, this.limits.maxRows) : rows,
        truncated,
        elapsed_ms: Math.round(performance.now() - started),
      };
    } catch (err) {
      if (timedOut)
        throw new ConsoleError(
          408,
          `查询超过 ${this.limits.timeoutMs / 1000} 秒时限，已停止；请缩小范围（筛选、汇总或 LIMIT）后再运行`,
          `the query ran longer than the ${this.limits.timeoutMs / 1000} s time limit and was stopped; narrow it (filter, aggregate, LIMIT) and run again`,
        );
      if (err instanceof ConsoleError) throw err;
      throw engineError('查询运行出错', err);
    } finally {
      clearTimeout(timer);
      await conn.run('ROLLBACK');
    }
  }

  private tooLarge(): ConsoleError {
    const mb = Math.round(this.limits.maxBytes / 1e5) / 10;
    return new ConsoleError(
      422,
      `查询结果超过 ${mb} MB 上限，请减少列或行，或先汇总`,
      `the result is larger than the console's ${mb} MB limit (console.maxBytes); select fewer columns or rows, or aggregate`,
    );
  }
}
