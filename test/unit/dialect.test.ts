// The dialect layer (warehouse/dialect/): each rule on hand-written SQL, then every model
// relation of the manifest translated for Trino and Spark SQL and parsed by those engines' own
// grammars (dt-sql-parser), so a view the layer cannot translate fails here by name.
import { SparkSQL, TrinoSQL } from 'dt-sql-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Engine, ENGINES } from '../../warehouse/dialect/rules.js';
import { EXCLUDED, translate, translateModel, translateScript } from '../../warehouse/dialect/translate.js';
import { modelFile, pipeline, sqlText } from '../../warehouse/pipeline.js';

const trino = (sql: string) => translate(sql, 'trino');
const spark = (sql: string) => translate(sql, 'spark');

describe('the rules', () => {
  it('group-by-all: Trino groups by the positions of the items that are neither aggregates nor constants; Spark keeps it', () => {
    const sql = "SELECT region_code, 'm' AS metric, SUM(x) AS n, CAST(count(*) AS DOUBLE) AS d, y + (SELECT max(z) FROM u) AS e FROM t GROUP BY ALL";
    expect(trino(sql)).toBe(sql.replace('GROUP BY ALL', 'GROUP BY 1, 5'));
    expect(spark(sql)).toBe(sql);
    expect(trino('SELECT a, SUM(b) FROM t GROUP BY ALL UNION ALL SELECT SUM(b), c, d FROM t GROUP BY ALL')).toBe(
      'SELECT a, SUM(b) FROM t GROUP BY 1 UNION ALL SELECT SUM(b), c, d FROM t GROUP BY 2, 3',
    );
  });

  it('qualify: the window condition filtered outside a subquery, by the items’ names', () => {
    const sql = 'SELECT a, t.b, c AS d FROM t WHERE x QUALIFY row_number() OVER (PARTITION BY a ORDER BY v DESC) = 1';
    const out =
      'SELECT a, b, d FROM (SELECT a, t.b, c AS d, row_number() OVER (PARTITION BY a ORDER BY v DESC) = 1 AS qualified FROM t WHERE x) AS q WHERE qualified';
    expect(trino(sql)).toBe(out);
    expect(spark(sql)).toBe(out);
    expect(() => trino('SELECT * FROM t QUALIFY v = max(v) OVER ()')).toThrow('name the SELECT item *');
  });

  it('from-first: FROM t is SELECT * FROM t', () => {
    expect(spark('SELECT a FROM (FROM x UNION FROM y EXCEPT FROM z)')).toBe('SELECT a FROM (SELECT * FROM x UNION SELECT * FROM y EXCEPT SELECT * FROM z)');
  });

  it('anti-join: Spark LEFT ANTI JOIN, Trino NOT EXISTS over the USING columns', () => {
    const sql = 'SELECT m.a FROM s m ANTI JOIN r USING (a, b)';
    expect(spark(sql)).toBe('SELECT m.a FROM s m LEFT ANTI JOIN r USING (a, b)');
    expect(trino(sql)).toBe('SELECT m.a FROM s m WHERE NOT EXISTS (SELECT 1 FROM r AS other WHERE other.a = m.a AND other.b = m.b)');
  });

  it('recursive-cte: Spark unrolls the recursion to the region tree’s three steps', () => {
    const sql = 'WITH RECURSIVE t(c) AS (SELECT code FROM r WHERE p IS NULL UNION ALL SELECT r.code FROM t JOIN r ON r.p = t.c) SELECT c FROM t';
    expect(spark(sql)).toBe(
      [
        'WITH t_0(c) AS (SELECT code FROM r WHERE p IS NULL),',
        't_1(c) AS (SELECT r.code FROM t_0 JOIN r ON r.p = t_0.c),',
        't_2(c) AS (SELECT r.code FROM t_1 JOIN r ON r.p = t_1.c),',
        't_3(c) AS (SELECT r.code FROM t_2 JOIN r ON r.p = t_2.c),',
        't(c) AS (SELECT * FROM t_0 UNION ALL SELECT * FROM t_1 UNION ALL SELECT * FROM t_2 UNION ALL SELECT * FROM t_3)',
        'SELECT c FROM t',
      ].join('\n'),
    );
    expect(trino(sql)).toBe(sql);
  });

  it('select-unnest and generate_series: a lateral join over sequence', () => {
    const sql = "SELECT CAST(unnest(generate_series(min(d), max(d), INTERVAL 1 DAY)) AS DATE) AS day FROM t WHERE k = 'x'";
    const inner = "(SELECT sequence(min(d), max(d), INTERVAL 'Q' DAY) AS elements FROM t WHERE k = 'x') AS series";
    expect(trino(sql)).toBe(
      `SELECT CAST(unnested.element AS DATE) AS day FROM ${inner.replace('Q', '1')} CROSS JOIN UNNEST(series.elements) AS unnested(element)`,
    );
    expect(spark(sql)).toBe(
      `SELECT CAST(unnested.element AS DATE) AS day FROM ${inner.replace("'Q'", '1')} LATERAL VIEW explode(series.elements) unnested AS element`,
    );
    expect(() => trino('SELECT unnest(l), k FROM t')).toThrow('only as the one item');
  });

  it('date and time functions', () => {
    const sql = "SELECT strftime(d, '%Y-%m'), isodow(d), make_date(y, 1, 1), date_diff('second', a, b), timezone('Asia/Shanghai', now()) FROM t";
    expect(trino(sql)).toBe(
      "SELECT date_format(d, '%Y-%m'), day_of_week(d), date(format('%04d-%02d-%02d', y, 1, 1)), date_diff('second', a, b), (now() AT TIME ZONE 'Asia/Shanghai') FROM t",
    );
    expect(spark(sql)).toBe(
      "SELECT date_format(d, 'yyyy-MM'), (weekday(d) + 1), make_date(y, 1, 1), timestampdiff(SECOND, a, b), from_utc_timestamp(now(), 'Asia/Shanghai') FROM t",
    );
    expect(() => spark("SELECT strftime(d, '%H') FROM t")).toThrow('no Spark pattern for %H');
  });

  it('format, left, any_value, arg_max and arg_min, getvariable, types', () => {
    const sql =
      "SELECT format('{}: {}%', a, b), left(s, 4), any_value(x), arg_max(a, b), arg_min(a, b), CAST(getvariable('as_of') AS TIMESTAMPTZ), CAST(n AS VARCHAR) FROM t LEFT JOIN u ON TRUE";
    expect(trino(sql)).toBe(
      "SELECT format('%s: %s%%', a, b), substr(s, 1, 4), arbitrary(x), max_by(a, b), min_by(a, b), CAST(NULL AS timestamp(6) with time zone), CAST(n AS VARCHAR) FROM t LEFT JOIN u ON TRUE",
    );
    expect(spark(sql)).toBe(
      "SELECT format_string('%s: %s%%', a, b), left(s, 4), any_value(x), max_by(a, b), min_by(a, b), CAST(NULL AS TIMESTAMP), CAST(n AS STRING) FROM t LEFT JOIN u ON TRUE",
    );
  });

  it('median: Trino the middle of the sorted window, Spark percentile', () => {
    const sql = 'SELECT v - median(v) OVER w AS gap FROM t WINDOW w AS (PARTITION BY k)';
    const sorted = 'array_sort(filter(array_agg(v) OVER w, v -> v IS NOT NULL))';
    expect(trino(sql)).toBe(
      `SELECT v - ((element_at(${sorted}, (cardinality(${sorted}) + 1) / 2) + element_at(${sorted}, cardinality(${sorted}) / 2 + 1)) / 2e0) AS gap FROM t WINDOW w AS (PARTITION BY k)`,
    );
    expect(spark(sql)).toBe('SELECT v - (percentile(v, 0.5) OVER w) AS gap FROM t WINDOW w AS (PARTITION BY k)');
  });

  it('aggregates: string_agg, an ordered sum, a count of distinct rows, IGNORE NULLS', () => {
    const sql = "SELECT string_agg(DISTINCT f(x), ', ' ORDER BY f(x)), sum(v ORDER BY p), count(DISTINCT (a, b)), last_value(v IGNORE NULLS) OVER w FROM t";
    expect(trino(sql)).toBe(
      "SELECT array_join(array_sort(array_distinct(array_agg(f(x)))), ', '), sum(v ORDER BY p), count(DISTINCT (a, b)), last_value(v) IGNORE NULLS OVER w FROM t",
    );
    expect(spark(sql)).toBe(
      "SELECT array_join(array_sort(array_distinct(array_agg(f(x)))), ', '), sum(v), count(DISTINCT a, b), last_value(v) IGNORE NULLS OVER w FROM t",
    );
    expect(() => trino("SELECT string_agg(x, ', ') FROM t")).toThrow('only string_agg(DISTINCT x, sep ORDER BY x)');
  });

  it('division: DuckDB divides in DOUBLE, so the dividend is cast, once', () => {
    expect(trino('SELECT a / b, 100.0 * f(n) / d / 12, CAST(x AS DOUBLE) / y, (CASE WHEN p THEN 1 END) / q FROM t')).toBe(
      'SELECT CAST(a AS DOUBLE) / b, CAST(100.0 * f(n) AS DOUBLE) / d / 12, CAST(x AS DOUBLE) / y, CAST((CASE WHEN p THEN 1 END) AS DOUBLE) / q FROM t',
    );
  });

  it('power, intervals and the mart schema', () => {
    expect(trino('SELECT 10 ** (-d), x + INTERVAL 24 HOUR FROM mart_metric_value m JOIN other.mart_metric_value o ON TRUE')).toBe(
      "SELECT power(10, (-d)), x + INTERVAL '24' HOUR FROM mart.mart_metric_value m JOIN other.mart_metric_value o ON TRUE",
    );
  });

  it('leaves strings, quoted identifiers and comments alone', () => {
    expect(trino("SELECT 'left(s, 2) GROUP BY ALL' AS \"left\", x -- strftime(d, '%Y')\nFROM t")).toBe(
      "SELECT 'left(s, 2) GROUP BY ALL' AS \"left\", x /* strftime(d, '%Y') */\nFROM t",
    );
  });
});

describe('macros', () => {
  const macros = [
    'CREATE OR REPLACE MACRO twice(x) AS x * 2',
    'CREATE MACRO ratio(src, k, fallback := NULL) AS TABLE SELECT k AS key, twice(v + 1) AS v, fallback AS f FROM query_table(src)',
  ].join(';\n');

  it('inlines a scalar macro with its arguments, and a table macro as a subquery named after it', () => {
    expect(trino(`${macros};\nSELECT * FROM ratio('raw_case', 'a') WHERE twice(n) > 1`)).toBe(
      "SELECT * FROM (SELECT 'a' AS key, ((v + 1) * 2) AS v, NULL AS f FROM raw_case) AS ratio WHERE (n * 2) > 1",
    );
    expect(trino(`${macros};\nSELECT r.key FROM ratio('raw_case', 'a', 0) r`)).toBe(
      "SELECT r.key FROM (SELECT 'a' AS key, ((v + 1) * 2) AS v, 0 AS f FROM raw_case) r",
    );
    expect(() => trino(`${macros};\nSELECT twice(1, 2)`)).toThrow('twice: 2 arguments for 1 parameters');
  });
});

describe('the model in Trino and Spark SQL', () => {
  const { model } = pipeline();
  const translated = Object.fromEntries(ENGINES.map((e) => [e, translateModel(e)])) as Record<Engine, ReturnType<typeof translateModel>>;
  const parsers = { trino: new TrinoSQL(), spark: new SparkSQL() };

  // The grammars also print each syntax error they recover from; validate() returns them.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it.each(ENGINES)(
    'parses every translated relation with the %s grammar',
    (engine) => {
      const failures = translated[engine].flatMap(({ relation, statements }) =>
        statements.flatMap((sql) => parsers[engine].validate(sql).map((e) => `${relation} line ${e.startLine}: ${e.message}`)),
      );
      expect(failures).toEqual([]);
    },
    180_000,
  );

  it('translates, inlines or excludes each relation of the manifest, and excludes only relations it has', () => {
    for (const engine of ENGINES) {
      const inlined = new Set(translated[engine].flatMap((t) => t.inlines));
      const unaccounted = translated[engine].filter((t) => t.statements.length === 0 && !t.defines.every((m) => inlined.has(m))).map((t) => t.relation);
      expect(unaccounted).toEqual([]);
      expect(translated[engine].length + Object.keys(EXCLUDED).length).toBe(model.length);
    }
    expect(Object.keys(EXCLUDED).filter((r) => !model.includes(r))).toEqual([]);
  });

  it('translates the national, indicator and score views, and no translated relation reads an excluded one', () => {
    const names = translated.trino.map((t) => t.relation);
    expect(names).toEqual(
      expect.arrayContaining(['dim_region_rollup', 'v_report_period', 'v_metric_value', 'v_compare_horizontal', 'v_score_total', 'v_rating', 'v_complaint']),
    );
    // An excluded file's relation and macros (a macro called from a translated view would be left uninlined).
    const excluded = Object.keys(EXCLUDED).flatMap((r) => [r, ...translateScript(sqlText(modelFile(r)), 'trino').defines]);
    for (const engine of ENGINES) {
      const reads = translated[engine].flatMap(({ relation, statements }) =>
        excluded.filter((x) => statements.some((s) => new RegExp(`\\b${x}\\b`).test(s.replace(/\/\*[\s\S]*?\*\//g, '')))).map((x) => `${relation} reads ${x}`),
      );
      expect(reads).toEqual([]);
    }
  });
});
