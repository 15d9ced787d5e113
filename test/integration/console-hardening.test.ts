// The console's allow-list, its region scope and its bounds, tried as the red team tried them:
// every function DuckDB has that is not on the list is refused before binding; a county
// analyst reaches no other county's rows by any route; results are bounded in bytes and
// list-building queries that DuckDB cannot bound are refused before they run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedFunctions, TABLE_FUNCTIONS } from '../../console/functions.js';
import { type ConsoleError, MAX_BUILT } from '../../console/guard.js';
import { DEFAULT_CONSOLE_LIMITS } from '../../console/limits.js';
import { ConsoleRunner, type ConsoleScope } from '../../console/runner.js';
import type { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { signedInApp } from '../support/auth.js';
import { collectedFixture } from '../support/collect.js';
import { cases } from '../support/jinan-fixture.js';

let fixture: Awaited<ReturnType<typeof collectedFixture>>;
let db: Database;
let runner: ConsoleRunner;
const PROVINCE: ConsoleScope = { region: null };
const LIXIA: ConsoleScope = { region: '370102' }; // 历下区; its neighbour 市中区 is 370103

/** The refusal or failure message of a query, or 'ok' when it ran. */
async function outcome(sql: string, scope: ConsoleScope = PROVINCE): Promise<string> {
  try {
    await runner.run(sql, scope);
    return 'ok';
  } catch (err) {
    // The reason in Chinese, and beneath it the technical one.
    return `${(err as ConsoleError).message}\n${(err as ConsoleError).detail}`;
  }
}

beforeAll(async () => {
  fixture = await collectedFixture({ cases, uploads: [], reports: [] });
  db = fixture.db;
  runner = new ConsoleRunner(db, { ...DEFAULT_CONSOLE_LIMITS, maxBytes: 1_000_000, maxConcurrent: 1 });
  await runner.relations();
});
afterAll(() => fixture.close());

describe('the function allow-list', () => {
  it('refuses every function DuckDB exposes that is not on the list, before binding it', async () => {
    const functions = await db.rows<{ name: string; type: string }>(
      "SELECT DISTINCT function_name AS name, function_type AS type FROM duckdb_functions() WHERE function_name SIMILAR TO '[a-z_][a-z0-9_]*' ORDER BY 1",
    );
    const allowed = allowedFunctions();
    const refused: string[] = [];
    const passed: string[] = [];
    for (const { name, type } of functions) {
      if (type === 'pragma') {
        // Called only as a statement, which the console refuses from its text.
        expect(await outcome(`PRAGMA ${name}`), name).toMatch(/^控制台只能运行普通查询.*\nonly plain queries/);
        refused.push(name);
        continue;
      }
      const table = type === 'table' || type === 'table_macro';
      const onList = table ? TABLE_FUNCTIONS.includes(name) : allowed.has(name);
      // No arguments: a call that got as far as binding would fail there ("Binder Error"); a
      // refusal from the allow-list names the function instead.
      const message = await outcome(table ? `SELECT * FROM "${name}"()` : `SELECT "${name}"()`);
      const refusedByList = message.startsWith(`控制台不允许调用 ${name}()：`) && message.includes(`\nfunction ${name}() is not allowed in the console`);
      (onList ? passed : refused).push(name);
      expect(refusedByList, `${name} (${type}, ${onList ? 'on' : 'not on'} the list): ${message}`).toBe(!onList);
    }
    // What the red team used is among the refused; the stored macros and table functions too.
    for (const name of [
      'enable_logging',
      'enable_profiling',
      'current_setting',
      'duckdb_settings',
      'duckdb_databases',
      'database_list',
      'query_table',
      'case_facts',
      'read_csv',
      'glob',
    ])
      expect(refused, name).toContain(name);
    expect(await outcome('SELECT * FROM pragma_database_list()')).toContain('function pragma_database_list() is not allowed in the console');
    expect(passed.length).toBeGreaterThan(500);
    expect(refused.length).toBeGreaterThan(100);
  });

  it('lets analysts compute: aggregates, windows, lambdas, dates, strings and generated rows', async () => {
    const r = await runner.run(
      `SELECT count(*) AS n, sum(x) AS s, max(rank) AS top, list_sum(list_transform([1, 2, 3], v -> v * 2)) AS doubled,
              strftime(DATE '2025-03-01', '%Y-%m') AS month, upper('abc') AS up
       FROM (SELECT range AS x, rank() OVER (ORDER BY range DESC) AS rank FROM range(10))`,
      PROVINCE,
    );
    // 0 + 1 + … + 9 = 45; 10 rows ranked 1…10; 2 + 4 + 6 = 12.
    expect(r.rows).toEqual([[10, 45, 10, 12, '2025-03', 'ABC']]);
  });
});

describe('a county analyst’s console', () => {
  const NEIGHBOUR = '370103';

  it('sees only its own rows through every relation, views over views included', async () => {
    for (const relation of ['raw_case', 'v_case', 'v_metric_value', 'mart_metric_value', 'agg_case_day', 'v_compare_horizontal', 'dim_region']) {
      const column = relation === 'dim_region' ? 'code' : 'region_code';
      const r = await runner.run(`SELECT DISTINCT ${column} FROM ${relation} ORDER BY 1`, LIXIA);
      expect(r.rows, relation).toEqual([['370102']]);
    }
    // The province-wide console sees both counties (the fixture's cases: A1–A4 in 370102, B1–B4 in 370103).
    const all = await runner.run("SELECT region_code, count(*) FROM raw_case WHERE region_code LIKE '3701%' GROUP BY 1 ORDER BY 1", PROVINCE);
    expect(all.rows).toEqual([
      ['370102', 4],
      ['370103', 4],
    ]);
    const own = await runner.run('SELECT count(*) FROM raw_case', LIXIA);
    expect(own.rows).toEqual([[4]]);
  });

  it.each([
    ['qualified name', `SELECT * FROM main.raw_case WHERE region_code = '${NEIGHBOUR}'`, 'qualified names are not allowed'],
    ['catalog-qualified name', 'SELECT * FROM memory.main.raw_case', 'qualified names are not allowed'],
    ['the mart catalog', 'SELECT * FROM mart.main.mart_metric_value', 'qualified names are not allowed'],
    ['the system catalog', 'SELECT * FROM system.main.duckdb_tables', 'qualified names are not allowed'],
    ['information_schema', 'SELECT * FROM information_schema.tables', 'qualified names are not allowed'],
    ['pg_catalog', 'SELECT * FROM pg_catalog.pg_class', 'qualified names are not allowed'],
    ['a catalog view by its bare name', 'SELECT * FROM duckdb_tables', 'relation duckdb_tables is not available'],
    ['a catalog table function', 'SELECT * FROM duckdb_views()', 'function duckdb_views() is not allowed'],
    ['a table function over a name', "SELECT * FROM query_table('raw_case')", 'function query_table() is not allowed'],
    ['a stored macro', 'SELECT * FROM case_facts()', 'function case_facts() is not allowed'],
    ['dynamic SQL', `SELECT * FROM query('SELECT * FROM main.raw_case')`, 'function query() is not allowed'],
    ['the quarantine (payloads of every region)', 'SELECT * FROM ops_quarantine', 'relation ops_quarantine is not available'],
    ['accounts', 'SELECT * FROM app_user', 'relation app_user is not available'],
    ['a CTE hiding a relation', 'WITH raw_case AS (SELECT 1) SELECT * FROM (SELECT * FROM audit_log)', 'relation audit_log is not available'],
    ['a scope variable set by the query', "SET VARIABLE console_region = '370103'", 'SET/RESET/USE statements are not allowed'],
    ['the scope variable read', "SELECT getvariable('console_region')", 'function getvariable() is not allowed'],
  ])('cannot reach another county through %s', async (_route, sql, reason) => {
    expect(await outcome(sql, LIXIA)).toContain(reason);
  });

  it('lists in the schema browser only what it may read', async () => {
    const names = (await runner.visible(LIXIA)).map((r) => r.name);
    expect(names).toContain('raw_case');
    expect(names).toContain('dim_metric');
    expect(names).not.toContain('ops_quarantine');
    expect((await runner.visible(PROVINCE)).map((r) => r.name)).toContain('ops_quarantine');
    for (const hidden of ['app_user', 'app_session', 'audit_log', 'console_saved_query'])
      expect((await runner.visible(PROVINCE)).map((r) => r.name)).not.toContain(hidden);
  });
});

describe('through HTTP, as the signed-in user', () => {
  const post = (app: Hono, query: string) =>
    app.request('/api/sql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it('gives a county analyst its own county’s rows only, and an administrator the province’s', async () => {
    const county = await signedInApp(db, {}, { login: 'lixia-analyst', roles: ['analyst'], region: '370102' });
    const admin = await signedInApp(db, {}, { login: 'province-admin', roles: ['admin'], region: '370000' });
    const sql = "SELECT region_code, count(*) AS n FROM raw_case WHERE region_code LIKE '3701%' GROUP BY 1 ORDER BY 1";
    expect((await (await post(county, sql)).json()).data).toEqual([{ region_code: '370102', n: 4 }]);
    expect((await (await post(admin, sql)).json()).data).toEqual([
      { region_code: '370102', n: 4 },
      { region_code: '370103', n: 4 },
    ]);
    const qualified = await post(county, "SELECT * FROM main.raw_case WHERE region_code = '370103'");
    expect(qualified.status).toBe(400);
    expect(await qualified.json()).toMatchObject({
      error: '请只写表或视图的名称，不加库名或模式名：raw_case',
      detail: expect.stringContaining('qualified names are not allowed'),
    });
    // The schema browser lists what the county may read, without the quarantine.
    const { data } = await (await county.request('/api/sql/schema')).json();
    const names = data.map((o: { name: string }) => o.name);
    expect(names).toContain('raw_case');
    expect(names).not.toContain('ops_quarantine');
  });

  it('refuses a query sent as a form (text/plain, urlencoded, multipart) with a 415, running nothing', async () => {
    const admin = await signedInApp(db, {}, { login: 'province-admin', roles: ['admin'], region: '370000' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await admin.request('/api/sql', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: 'SELECT 1' }) });
      expect(res.status, type).toBe(415);
      expect(await res.json()).toMatchObject({
        error: '请以 JSON 提交查询（Content-Type: application/json）',
        detail: expect.stringContaining("header 'content-type' must be application/json"),
      });
    }
  });
});

describe('bounds', () => {
  it.each([
    // The red team's inputs: a 10^10-element list (grew past 20 GB, and DuckDB's interrupt cannot stop it), 2.4 GB of text.
    ['SELECT flatten(list_transform(range(100000), x -> range(100000)))', 'range() 不能用在 lambda'],
    ["SELECT repeat('x', 200000000) FROM range(12)", `超过控制台上限 ${MAX_BUILT}`],
    ['SELECT range(100000) FROM range(100000)', `超过控制台上限 ${MAX_BUILT}`],
    ['SELECT range(x) FROM range(10) t(x)', '长度参数在控制台中必须是常量'],
    ["SELECT lpad('a', 1000000000, 'b')", `超过控制台上限 ${MAX_BUILT}`],
  ])('refuses %s before it runs', async (sql, reason) => {
    const started = Date.now();
    expect(await outcome(sql)).toContain(reason);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a result over the byte cap with the limit named, and cuts nothing silently', async () => {
    // 200 rows × ~10 000 bytes = about 2 MB > the 1 MB cap of this runner.
    const message = await outcome("SELECT repeat('x', 10000) || range AS big FROM range(200)");
    expect(message).toContain("the result is larger than the console's 1 MB limit (console.maxBytes)");
    // 50 rows × ~10 000 bytes = about 0.5 MB < 1 MB: all of it comes back.
    const ok = await runner.run("SELECT repeat('x', 10000) || range AS big FROM range(50)", PROVINCE);
    expect(ok.rows).toHaveLength(50);
    expect(String(ok.rows[49][0])).toBe(`${'x'.repeat(10000)}49`);
  });
});
