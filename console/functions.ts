// The functions the console may call: an explicit list (console/allowed-functions.txt), so a
// function DuckDB adds in a later version is refused until someone reviews it and regenerates
// the list (`npm run console-functions`). The list holds DuckDB's built-in scalar, aggregate and
// window functions and macros that compute from their arguments, and a few table functions that
// generate rows; it leaves out every family below, each for the reason given, and every table
// function that reads files, the catalog, settings or logs.
import { readFileSync } from 'node:fs';

/** Table functions that only generate rows from their arguments. */
export const TABLE_FUNCTIONS = ['range', 'generate_series', 'unnest', 'json_each', 'json_tree'];

/** Window functions (DuckDB does not list them in duckdb_functions()). */
export const WINDOW_FUNCTIONS = [
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
];

/** Built-in functions left out of the list, by family, with the reason an analyst is told. */
export const EXCLUDED_FAMILIES: [RegExp, string][] = [
  [
    /^(current_(setting|query|query_id|connection_id|transaction_id|schema|schemas|database|catalog|user|role)|session_user|user|getvariable|in_search_path|txid_current)$/,
    '读取服务器的设置或会话状态',
  ],
  [/^(pg_\w+|has_\w+_privilege|col_description|obj_description|shobj_description|format_pg_type|map_to_pg_oid)$/, '读取数据库目录（PostgreSQL 兼容函数）'],
  [/^(nextval|currval|setval)$/, '改变数据库状态（序列）'],
  [/^(write_log|sleep_ms|pg_sleep)$/, '写日志或占住连接'],
  [/^(json_serialize_sql|json_deserialize_sql|json_execute_serialized_sql)$/, '处理 SQL 文本'],
  [/^(getenv|which_secret)$/, '读取服务器环境或密钥'],
  [/^__internal_/, '是 DuckDB 的内部函数'],
];

export const ALLOWED_FUNCTIONS_FILE = new URL('./allowed-functions.txt', import.meta.url);

/** The functions on the list (lower case), read once. */
export const allowedFunctions: () => ReadonlySet<string> = (() => {
  let cached: Set<string> | undefined;
  return () => {
    cached ??= new Set(
      readFileSync(ALLOWED_FUNCTIONS_FILE, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    );
    return cached;
  };
})();

/** Why a function is refused, for the analyst. */
export function refusalReason(name: string): string {
  const family = EXCLUDED_FAMILIES.find(([pattern]) => pattern.test(name));
  return family ? `它${family[1]}` : '它不在控制台允许调用的函数清单中（只允许计算型的标量、聚合、窗口函数和 range、generate_series、unnest 等）';
}
