// The SQL console API: read-only guard, file lock-down, limits, formats, schema browser,
// example queries and saved queries, over a hand-made data set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import { parseConfig } from '../../app/config.js';
import type { Database } from '../../warehouse/database.js';
import { ROOT, SEEDS_DIR } from '../../core/paths.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';

// Four cases a month per county, all due the next working day after a Monday acceptance;
// `onTime` of them completed the same day, the rest a week late. So the month's 限时办结率
// is onTime / 4: 4 → 100 %, 3 → 75 %, 2 → 50 %, 1 → 25 %.
const MONDAYS: Record<string, string> = {
  '2025-01': '2025-01-06',
  '2025-02': '2025-02-10',
  '2025-03': '2025-03-10',
  '2025-04': '2025-04-07',
  '2025-05': '2025-05-12',
};
const ON_TIME: Record<string, Record<string, number>> = {
  '370102': { '2025-01': 4, '2025-02': 3, '2025-03': 2, '2025-04': 1, '2025-05': 1 }, // falls Feb, Mar, Apr; flat in May
  '370103': { '2025-01': 4, '2025-02': 3, '2025-03': 4, '2025-04': 2, '2025-05': 1 }, // March rises: never three falls
  '370104': { '2025-02': 4, '2025-03': 3, '2025-04': 2, '2025-05': 1 }, // falls Mar, Apr, May
  '370105': { '2025-01': 4, '2025-02': 3, '2025-04': 2, '2025-05': 1 }, // no March: the months are not consecutive
};

const CASES = Object.entries(ON_TIME).flatMap(([region, months]) =>
  Object.entries(months).flatMap(([month, onTime]) =>
    [0, 1, 2, 3].map((i) => {
      const day = MONDAYS[month];
      const completed = i < onTime ? `${day}T15:00:00+08:00` : `${day.slice(0, 8)}${String(Number(day.slice(8)) + 7).padStart(2, '0')}T15:00:00+08:00`;
      return {
        id: `${region}-${month}-${i}`,
        updated_at: completed,
        case_id: `${region}-${month}-${i}`,
        region_code: region,
        item: 'reg_enroll',
        channel: 'window',
        accepted_at: `${day}T09:00:00+08:00`,
        completed_at: completed,
        limit_days: 1,
      };
    }),
  ),
);

const LIMITS = { timeoutMs: 400, maxRows: 5, maxConcurrent: 1, maxBytes: 33_554_432 };
// Runs until interrupted: far more work than any time limit allows.
const SLOW = 'SELECT count(*) FROM range(1000000000000) t(i) WHERE hash(i) = 42';

let db: Database;
let app: Hono;
let source: FeedServer;

beforeAll(async () => {
  db = await freshDb();
  source = await startFeedServer({ cases: CASES, uploads: [], reports: [] });
  // History from October, so every deadline in January–May lies in what the feed has fully seen.
  await collectAll(db, source.url, ['cases'], { since: '2024-10-01T00:00:00+08:00|', pageSize: 100 });
  app = await signedInApp(db, { console: LIMITS });
});

afterAll(async () => {
  await source.close();
  db.close();
});

const sql = (query: unknown, headers: Record<string, string> = {}, qs = '') =>
  app.request(`/api/sql${qs}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

/** Everything a forbidden statement could change: objects, row counts, settings, attachments, sequences. */
async function fingerprint(): Promise<unknown> {
  return db.rows(`
    SELECT (SELECT list(table_name ORDER BY table_name) FROM duckdb_tables()) AS tables,
           (SELECT list(view_name ORDER BY view_name) FROM duckdb_views() WHERE NOT internal) AS views,
           (SELECT list(sql ORDER BY view_name) FROM duckdb_views() WHERE NOT internal) AS view_sql,
           (SELECT list(database_name ORDER BY database_name) FROM duckdb_databases()) AS databases,
           (SELECT list(start_value || '/' || last_value ORDER BY sequence_name) FROM duckdb_sequences()) AS sequences,
           (SELECT count(*) FROM raw_case) AS cases, (SELECT count(*) FROM dim_region) AS regions,
           (SELECT count(*) FROM mart_metric_value) AS marts,
           current_setting('threads') AS threads, current_setting('TimeZone') AS tz`);
}

describe('read-only guard', () => {
  const EXPORT_FILE = join(ROOT, 'data/export/console-leak.csv');
  it.each([
    ["INSERT INTO dim_region VALUES ('999999', '测试', 'county', '370100', 'division', 'cs')", 'INSERT statements are not allowed'],
    ["UPDATE raw_case SET channel = 'web'", 'UPDATE statements are not allowed'],
    ['DELETE FROM raw_case', 'DELETE statements are not allowed'],
    ['CREATE TABLE evil AS SELECT 1 AS x', 'CREATE (DDL) statements are not allowed'],
    ['CREATE OR REPLACE VIEW v_online_rate AS SELECT 1 AS x', 'CREATE (DDL) statements are not allowed'],
    ['DROP VIEW v_on_time_rate', 'DROP (DDL) statements are not allowed'],
    ['ALTER TABLE raw_case ADD COLUMN x INTEGER', 'ALTER (DDL) statements are not allowed'],
    ["ATTACH ':memory:' AS other", 'ATTACH statements are not allowed'],
    [`COPY raw_case TO '${EXPORT_FILE}'`, 'COPY statements are not allowed'],
    ['PRAGMA version', 'PRAGMA and other special statements are not'],
    ['SET threads = 1', 'SET/RESET/USE statements are not allowed'],
    ['RESET TimeZone', 'SET/RESET/USE statements are not allowed'],
    ['INSTALL httpfs', 'INSTALL/LOAD (extensions) statements are not allowed'],
    ['LOAD parquet', 'INSTALL/LOAD (extensions) statements are not allowed'],
    ['BEGIN TRANSACTION', 'BEGIN/COMMIT/ROLLBACK statements are not allowed'],
    ['CALL checkpoint()', 'CALL statements are not allowed'],
    ['SELECT 1; DELETE FROM raw_case', "parameter 'query' holds 2 statements; run one statement at a time"],
    // Refused from the statement's text, before binding: no binder error about a missing table or path.
    ['INSERT INTO no_such_table VALUES (1, 2, 3)', 'INSERT statements are not allowed'],
    ["/* a comment first */ COPY (SELECT 1) TO '/not-allowed/x.csv'", 'COPY statements are not allowed'],
    ["SELECT nextval('seq_run_id')", 'function nextval() is not allowed in the console'],
  ])('refuses %s with a 400 and leaves the database unchanged', async (query, reason) => {
    const before = await fingerprint();
    const res = await sql(query);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain(reason);
    expect(await fingerprint()).toEqual(before);
    expect(existsSync(EXPORT_FILE)).toBe(false);
  });

  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", 'function read_csv() is not allowed in the console'],
    // Refused by name even inside the directories DuckDB itself may read.
    [`SELECT * FROM read_csv('${join(SEEDS_DIR, 'regions.csv')}')`, 'function read_csv() is not allowed'],
    [`SELECT count(*) FROM glob('${SEEDS_DIR}/*')`, 'function glob() is not allowed'],
    ["WITH f AS (SELECT * FROM read_text('/etc/hostname')) SELECT * FROM f", 'function read_text() is not allowed'],
    ["SELECT * FROM dim_region WHERE code IN (SELECT a FROM read_parquet('x.parquet'))", 'function read_parquet() is not allowed'],
    ["SELECT * FROM '/etc/hostname.csv'", "reading files ('/etc/hostname.csv') is not allowed"],
    ["SELECT * FROM query('SELECT 1')", 'function query() is not allowed in the console'],
  ])('refuses the file read %s with a 400', async (query, reason) => {
    const res = await sql(query);
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain(reason);
  });

  it('locks file access down in DuckDB itself, outside the allowed directories', async () => {
    await expect(db.rows("SELECT * FROM read_text('/etc/hostname')")).rejects.toThrow(/Permission Error/);
    // The seeds directory stays readable: that is how the seeds load at start.
    const [row] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM read_csv('${join(SEEDS_DIR, 'channels.csv')}')`);
    expect(row.n).toBeGreaterThan(0);
  });

  it('answers a query with a syntax error with a 400 carrying DuckDB’s message, and a bad body with a 400 naming the parameter', async () => {
    const bad = await sql('SELEC 1');
    expect(bad.status).toBe(400);
    // In Chinese for the analyst, DuckDB's own message beneath.
    const body = await bad.json();
    expect(body.error).toBe('查询无法运行：SQL 语法有误（引擎原文见下）');
    expect(body.detail).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    const missing = await app.request('/api/sql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: 'SELECT 1' }),
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe("missing required parameter 'query' (a non-empty string in the JSON body)");
  });
});

describe('limits', () => {
  it('interrupts a query past the time limit with a 408, and answers the next request', async () => {
    const started = Date.now();
    const res = await sql(SLOW);
    expect(res.status).toBe(408);
    expect(await res.json()).toEqual({
      error: '查询超过 0.4 秒时限，已停止；请缩小范围（筛选、汇总或 LIMIT）后再运行',
      detail: 'the query ran longer than the 0.4 s time limit and was stopped; narrow it (filter, aggregate, LIMIT) and run again',
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    const next = await sql('SELECT 6 * 7 AS answer');
    expect(next.status).toBe(200);
    expect((await next.json()).data).toEqual([{ answer: 42 }]);
    expect((await app.request('/api/regions')).status).toBe(200);
  });

  it('refuses a query beyond the concurrency limit with a 429 while another runs', async () => {
    const slow = sql(SLOW);
    await new Promise((r) => setTimeout(r, 100));
    const second = await sql('SELECT 1 AS x');
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({
      error: '已有 1 个查询在运行，请等其中一个结束后再运行',
      detail: '1 console queries are already running; wait for one to finish and run again',
    });
    expect((await slow).status).toBe(408);
    expect((await sql('SELECT 1 AS x')).status).toBe(200);
  });

  it('cuts a result at the row cap and flags it truncated', async () => {
    const long = await (await sql('SELECT i FROM range(12) t(i) ORDER BY i')).json();
    expect(long).toMatchObject({ row_count: 5, truncated: true, max_rows: 5 });
    expect(long.data.map((r: { i: number }) => r.i)).toEqual([0, 1, 2, 3, 4]);
    const short = await sql('SELECT i FROM range(3) t(i)');
    expect(short.headers.get('x-sql-truncated')).toBe('false');
    expect(await short.json()).toMatchObject({ row_count: 3, truncated: false });
  });
});

describe('formats', () => {
  const QUERY = `SELECT code, name, level = 'county' AS is_county, length(code) AS len, count(*) OVER () AS n,
                        CAST(length(name) AS DOUBLE) / 2 AS half, NULL::INTEGER AS nothing, DATE '2025-03-01' + CAST(length(name) AS INTEGER) AS day
                 FROM dim_region WHERE parent_code = '370100' ORDER BY code LIMIT 4`;

  it('decodes the Arrow stream with apache-arrow to the same values as JSON', async () => {
    const json = await (await sql(QUERY)).json();
    expect(json.data).toHaveLength(4);
    expect(json.data[0]).toEqual({ code: '370102', name: '历下区', is_county: true, len: 6, n: 13, half: 1.5, nothing: null, day: '2025-03-04' });
    const res = await sql(QUERY, { accept: 'application/vnd.apache.arrow.stream' });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(JSON.parse(decodeURIComponent(res.headers.get('x-sql-columns')!))).toEqual(json.columns);
    const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
    const arrowRows = table
      .toArray()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r.toJSON() as Record<string, unknown>).map(([k, v]) => [
            k,
            typeof v === 'bigint' ? Number(v) : k === 'day' ? new Date(v as number).toISOString().slice(0, 10) : v,
          ]),
        ),
      );
    expect(arrowRows).toEqual(json.data);
  });

  it('returns CSV with ?format=csv', async () => {
    const res = await sql("SELECT code, name FROM dim_region WHERE code IN ('370102', '370103') ORDER BY code", {}, '?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe('\ufeffcode,name\r\n370102,历下区\r\n370103,市中区\r\n');
  });
});

describe('schema browser', () => {
  it('lists tables and views with typed columns and the description from their SQL file', async () => {
    const { data } = await (await app.request('/api/sql/schema')).json();
    const byName = Object.fromEntries(data.map((o: { name: string }) => [o.name, o]));
    expect(byName.v_report_current).toEqual({
      name: 'v_report_current',
      kind: 'view',
      description:
        'Statistical report figures (统计分析法). A restated report arrives as a higher version; indicators read only the current (highest) version, raw_report keeps every version.',
      columns: [
        { name: 'region_code', type: 'VARCHAR' },
        { name: 'period_month', type: 'DATE' },
        { name: 'metric', type: 'VARCHAR' },
        { name: 'value', type: 'DOUBLE' },
        { name: 'version', type: 'INTEGER' },
        { name: 'submitted_at', type: 'TIMESTAMP' },
      ],
    });
    // The comment right above the CREATE, not the file's header.
    expect(byName.v_online_rate.description).toMatch(/^网上办理率 \(Appendix A 4\.1\.1 网上经办与查询, part b\)/);
    expect(byName.raw_case).toMatchObject({
      kind: 'table',
      description:
        'Service cases as received. Natural key: case_id. A case arrives open and again when it ends (completed_at: the day it ended, whatever its outcome).',
    });
    expect(byName.dim_indicator.description).toBe('Appendix A of the standard, one row per indicator');
    // Saved queries, accounts and the audit log are never in the console.
    for (const hidden of ['console_saved_query', 'app_user', 'app_session', 'audit_log']) expect(byName[hidden], hidden).toBeUndefined();
    // The marts, in their in-memory catalog, are listed like the stored tables.
    expect(byName.mart_metric_value).toMatchObject({
      kind: 'table',
      description: expect.stringMatching(/^v_metric_value 的物化表.*All computed metrics in one long table/),
    });
  });
});

describe('example queries', () => {
  it('finds the counties whose on-time rate fell three months in a row', async () => {
    const { data: examples } = await (await app.request('/api/sql/examples')).json();
    const falling = examples.find((e: { name: string }) => e.name === '01_on_time_falling_3_months');
    expect(falling.title).toBe('限时办结率连续三个月下降的县（区）');
    const res = await sql(falling.query);
    expect(res.status).toBe(200);
    expect((await res.json()).data).toEqual([
      { region_code: '370104', county: '槐荫区', city: '济南市', last_month: '2025-05', rate_m3: 100, rate_m2: 75, rate_m1: 50, rate_m0: 25 },
      { region_code: '370102', county: '历下区', city: '济南市', last_month: '2025-04', rate_m3: 100, rate_m2: 75, rate_m1: 50, rate_m0: 25 },
    ]);
  });

  it('runs every example through the guard', async () => {
    const { data: examples } = await (await app.request('/api/sql/examples')).json();
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) expect((await sql(e.query)).status, e.name).toBe(200);
  });
});

describe('saved queries', () => {
  const put = (name: string, body: unknown) =>
    app.request(`/api/sql/saved/${encodeURIComponent(name)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('saves, overwrites, lists and deletes by name', async () => {
    expect((await put('济南各区', { query: 'SELECT 1' })).status).toBe(200);
    expect((await put('济南各区', { query: "SELECT * FROM dim_region WHERE parent_code = '370100'" })).status).toBe(200);
    expect((await put('省份', { query: "SELECT * FROM dim_region WHERE level = 'province'" })).status).toBe(200);
    const { data } = await (await app.request('/api/sql/saved')).json();
    expect(data.map((r: { name: string; query: string }) => [r.name, r.query])).toEqual([
      ['济南各区', "SELECT * FROM dim_region WHERE parent_code = '370100'"],
      ['省份', "SELECT * FROM dim_region WHERE level = 'province'"],
    ]);
    expect((await app.request(`/api/sql/saved/${encodeURIComponent('省份')}`, { method: 'DELETE' })).status).toBe(200);
    const missing = await app.request(`/api/sql/saved/${encodeURIComponent('省份')}`, { method: 'DELETE' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe("no saved query named '省份'");
    expect((await (await app.request('/api/sql/saved')).json()).data).toHaveLength(1);
  });

  it('refuses a save without a query with a 400 naming it', async () => {
    const res = await put('空', { query: '  ' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe("missing required parameter 'query' (a non-empty string in the JSON body)");
  });
});

describe('configuration', () => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'config/default.json'), 'utf8'));

  it('reads the console limits and the allowed directories', () => {
    const config = parseConfig(raw);
    expect(config.console).toEqual({ timeoutMs: 15_000, maxRows: 10_000, maxBytes: 32 * 1024 * 1024, maxConcurrent: 2 });
    expect(config.server.allowedDirectories).toEqual(['seeds', 'data/export']);
  });

  it('stops on a bad entry with a message naming it', () => {
    expect(() => parseConfig({ ...raw, console: { ...raw.console, timeoutMs: 0 } })).toThrow('console.timeoutMs must be an integer from 10 to 600000, got 0');
    expect(() => parseConfig({ ...raw, server: { ...raw.server, allowedDirectories: 'seeds' } })).toThrow(
      'server.allowedDirectories must be a list of directory paths, got "seeds"',
    );
  });
});
