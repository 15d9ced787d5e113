// Decides whether an analyst's SQL may run, from its parse tree alone (nothing is bound before
// it passes): exactly one plain query, calling only functions on the console's list
// (functions.ts), reading only the relations of its scope (relations.ts) by their bare names,
// and building no list or string beyond a constant size. The instance-level file lock-down (Database.open) and
// the read-only transaction the runner opens are further layers; this one gives the reasons.
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { HTTPException } from 'hono/http-exception';
import { allowedFunctions, refusalReason, TABLE_FUNCTIONS } from './functions.js';

/** A refusal or failure in the console: the reason in Chinese for the analyst, and beneath it
 * the technical one (DuckDB's own message when the engine refused; the API sends it as `detail`). */
export class ConsoleError extends HTTPException {
  constructor(
    status: 400 | 408 | 415 | 422 | 429,
    message: string,
    readonly detail: string,
  ) {
    super(status, { message });
  }
}

const refuse = (message: string, detail: string) => new ConsoleError(400, message, detail);

// DuckDB's error classes (the start of its message) in the analyst's words.
const ENGINE_ERRORS: [RegExp, string][] = [
  [/^Parser Error/, 'SQL 语法有误'],
  [/^Catalog Error/, '表、视图、列或函数不存在'],
  [/^Binder Error/, '列名、类型或分组有误'],
  [/^(Conversion|Invalid Input) Error/, '值无法转换为所需类型'],
  [/^Out of Range Error/, '数值超出范围'],
  [/^Out of Memory Error/, '超出控制台的内存上限'],
];

/** An error DuckDB raised: what it means in Chinese, DuckDB's message as the detail. */
export function engineError(what: string, err: unknown): ConsoleError {
  const detail = (err as Error).message.replace(/^Failed to extract statements: /, '');
  const meaning = ENGINE_ERRORS.find(([re]) => re.test(detail))?.[1] ?? '数据库引擎报错';
  return refuse(`${what}：${meaning}（引擎原文见下）`, detail);
}

// Functions that build a list or a string of a size given by an argument. DuckDB does not
// count such values against its memory limit (a list of 10^10 elements grew the process past
// 20 GB and could not be interrupted), so in the console their sizes must be constants within
// MAX_BUILT, and they may not run inside a lambda (which multiplies them by a list's length).
const SIZED: Record<string, (args: number[], text: string[]) => number> = {
  range: (a) => rangeLength(a),
  generate_series: (a) => rangeLength(a) + 1,
  repeat: (a, t) => (a[a.length - 1] ?? 0) * Math.max(1, ...t.map((x) => x.length)),
  lpad: (a) => a[a.length - 1] ?? 0,
  rpad: (a) => a[a.length - 1] ?? 0,
  list_resize: (a) => a[a.length - 1] ?? 0,
  array_resize: (a) => a[a.length - 1] ?? 0,
};
export const MAX_BUILT = 10_000;

function rangeLength(a: number[]): number {
  const [start, stop, step] = a.length === 1 ? [0, a[0], 1] : [a[0], a[1], a[2] ?? 1];
  return step === 0 ? Number.POSITIVE_INFINITY : Math.max(0, Math.ceil((stop - start) / step));
}

interface AstNode {
  [key: string]: unknown;
}

const constantOf = (n: unknown): unknown => {
  const node = n as AstNode;
  if (node?.class === 'CONSTANT') return (node.value as { is_null: boolean; value: unknown }).value;
  if (node?.class === 'CAST') return constantOf(node.child);
  return undefined;
};

interface Found {
  functions: Set<string>;
  tables: { name: string; qualified: boolean }[];
  ctes: Set<string>;
  problems: string[];
}

/** Every function and relation a parsed query names, the CTEs it defines, and the size rules it breaks. */
function walk(node: unknown, out: Found, inLambda: boolean, tableFunction = false): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, out, inLambda);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as AstNode;
  if (typeof n.function_name === 'string') {
    const name = n.function_name.toLowerCase();
    out.functions.add(tableFunction ? `table:${name}` : name);
    const size = SIZED[name];
    if (size && !tableFunction) {
      const args = (n.children as unknown[]).map(constantOf);
      const numbers = args.filter((v): v is number | string => typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v))).map(Number);
      const texts = args.filter((v): v is string => typeof v === 'string' && !/^-?\d+$/.test(v));
      if (inLambda) out.problems.push(`${name}() 不能用在 lambda（x -> …）中：它按列表长度成倍地生成数据`);
      else if (args.some((v) => v === undefined)) out.problems.push(`${name}() 的长度参数在控制台中必须是常量`);
      else if (size(numbers, texts) > MAX_BUILT) out.problems.push(`${name}() 生成的列表或字符串超过控制台上限 ${MAX_BUILT}`);
    }
  }
  if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string') {
    out.tables.push({ name: n.table_name, qualified: Boolean(n.catalog_name) || Boolean(n.schema_name) });
  }
  if (n.type === 'TABLE_FUNCTION') {
    walk(n.function, out, inLambda, true);
    for (const [k, v] of Object.entries(n)) if (k !== 'function') walk(v, out, inLambda);
    return;
  }
  const cteMap = (n.cte_map as { map?: { key: string }[] } | undefined)?.map;
  for (const cte of cteMap ?? []) out.ctes.add(cte.key);
  for (const [k, v] of Object.entries(n)) walk(v, out, inLambda || (n.class === 'LAMBDA' && k === 'expr'));
}

export interface GuardScope {
  /** The relations the query may read (the console's views for its scope). */
  relations: ReadonlySet<string>;
}

/** Parses sql (without binding it, so nothing is touched) and refuses any function not on the
 * list, any relation outside the scope, any qualified name and any size rule broken. Returns
 * false when DuckDB cannot serialize it: it is not a plain query. */
async function checkParseTree(conn: DuckDBConnection, sql: string, scope: GuardScope): Promise<boolean> {
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR)', { sql });
  const tree = JSON.parse(String(reader.getRows()[0][0])) as { error: boolean; statements?: unknown };
  if (tree.error) return false;
  const found: Found = { functions: new Set(), tables: [], ctes: new Set(), problems: [] };
  walk(tree.statements, found, false);
  const allowed = allowedFunctions();
  for (const fn of found.functions) {
    const table = fn.startsWith('table:');
    const name = table ? fn.slice(6) : fn;
    if (table ? !TABLE_FUNCTIONS.includes(name) : !allowed.has(name))
      throw refuse(`控制台不允许调用 ${name}()：${refusalReason(name)}`, `function ${name}() is not allowed in the console`);
  }
  for (const t of found.tables) {
    // FROM 'file.csv' (a replacement scan) names a path, not a table.
    if (/[/\\.:]/.test(t.name))
      throw refuse(`控制台不能读取文件（${t.name}），请查询表和视图`, `reading files ('${t.name}') is not allowed in the console; query the tables and views`);
    if (t.qualified)
      throw refuse(
        `请只写表或视图的名称，不加库名或模式名：${t.name}`,
        `qualified names are not allowed in the console: write the relation's name alone: ${t.name}`,
      );
    if (!scope.relations.has(t.name) && !found.ctes.has(t.name))
      throw refuse(`控制台中没有 ${t.name}，或它不在您的地区范围内`, `relation ${t.name} is not available in the console`);
  }
  if (found.problems.length) throw refuse(`查询会生成过大的值：${found.problems.join('；')}`, 'the query would build values too large for the console');
  return true;
}

// A statement that is not a plain query, named by its first keyword: it is refused from its
// text alone, never prepared, because preparing binds it (touching tables and files) first.
const KEYWORD_KIND: Record<string, string> = {
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  TRUNCATE: 'DELETE',
  MERGE: 'MERGE',
  CREATE: 'CREATE (DDL)',
  DROP: 'DROP (DDL)',
  ALTER: 'ALTER (DDL)',
  COMMENT: 'ALTER (DDL)',
  ATTACH: 'ATTACH',
  DETACH: 'DETACH',
  COPY: 'COPY',
  EXPORT: 'EXPORT DATABASE',
  IMPORT: 'IMPORT DATABASE',
  SET: 'SET/RESET/USE',
  RESET: 'SET/RESET/USE',
  USE: 'SET/RESET/USE',
  INSTALL: 'INSTALL/LOAD (extensions)',
  LOAD: 'INSTALL/LOAD (extensions)',
  FORCE: 'INSTALL/LOAD (extensions)',
  BEGIN: 'BEGIN/COMMIT/ROLLBACK',
  START: 'BEGIN/COMMIT/ROLLBACK',
  COMMIT: 'BEGIN/COMMIT/ROLLBACK',
  END: 'BEGIN/COMMIT/ROLLBACK',
  ROLLBACK: 'BEGIN/COMMIT/ROLLBACK',
  ABORT: 'BEGIN/COMMIT/ROLLBACK',
  CALL: 'CALL',
  EXPLAIN: 'EXPLAIN',
  PREPARE: 'PREPARE',
  EXECUTE: 'EXECUTE',
  DEALLOCATE: 'PREPARE',
  VACUUM: 'VACUUM/ANALYZE',
  ANALYZE: 'VACUUM/ANALYZE',
  CHECKPOINT: 'CHECKPOINT',
};

/** The first keyword of sql, after comments, whitespace and opening parentheses. */
export function firstKeyword(sql: string): string {
  const rest = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/, '');
  return (/^[A-Za-z_]+/.exec(rest)?.[0] ?? '').toUpperCase();
}

function notAQuery(sql: string): ConsoleError {
  const kind = KEYWORD_KIND[firstKeyword(sql)];
  return kind
    ? refuse(`控制台只读，只能运行查询，不能运行 ${kind} 语句`, `${kind} statements are not allowed: the console is read-only and runs queries only`)
    : refuse(
        '控制台只能运行普通查询（SELECT、WITH、FROM、VALUES、DESCRIBE、SUMMARIZE），不能运行 PRAGMA 等特殊语句',
        'only plain queries (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE) are allowed in the console; PRAGMA and other special statements are not',
      );
}

/** Returns the single read statement of sql, prepared on conn, or throws a 400 saying why not.
 * Order matters: count and parse tree first (nothing bound yet); only a plain query that
 * passed them is prepared. */
export async function prepareReadOnly(conn: DuckDBConnection, sql: string, scope: GuardScope): Promise<DuckDBPreparedStatement> {
  // Even splitting statements binds some (PRAGMA): a statement known not to be a query is
  // refused before DuckDB sees it.
  const keyword = firstKeyword(sql);
  if (keyword === 'PRAGMA' || KEYWORD_KIND[keyword]) throw notAQuery(sql);
  let prepared: DuckDBPreparedStatement;
  try {
    const statements = await conn.extractStatements(sql);
    if (statements.count === 0) throw refuse('查询内容为空：没有 SQL 语句', "parameter 'query' holds no SQL statement");
    if (statements.count > 1)
      throw refuse(
        `一次只能运行一条语句，这里有 ${statements.count} 条`,
        `parameter 'query' holds ${statements.count} statements; run one statement at a time`,
      );
    if (!(await checkParseTree(conn, sql, scope))) throw notAQuery(sql);
    prepared = await statements.prepare(0);
  } catch (err) {
    if (err instanceof ConsoleError) throw err;
    throw engineError('查询无法运行', err);
  }
  // A plain query prepares as a SELECT; anything else that slipped through is refused all the same.
  if (prepared.statementType !== StatementType.SELECT) throw notAQuery(sql);
  if (prepared.parameterCount > 0)
    throw refuse('查询中不能有参数（$1、?），请把值直接写进查询', 'the query has parameters ($1, ?); write the values into the query');
  return prepared;
}
