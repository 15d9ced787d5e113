// Decides whether an analyst's SQL may run: exactly one statement, a read (by the prepared
// statement's type), and no function that reaches outside the database (files, other
// databases, dynamic SQL, sequences). The instance-level file lock-down (Database.open) and
// the read-only transaction the runner opens are further layers; this one gives the reasons.
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { HTTPException } from 'hono/http-exception';

export class ConsoleError extends HTTPException {
  constructor(status: 400 | 408 | 429, message: string) {
    super(status, { message });
  }
}

const refuse = (message: string) => new ConsoleError(400, message);

// Functions refused wherever they appear, whatever their arguments: they read or list files
// (even in the allowed directories), reach other databases, run SQL built from strings,
// reveal secrets or advance sequences.
const DENIED_FUNCTIONS: [RegExp, string][] = [
  [/^(read_\w+|\w+_scan|\w+_scan_\w+|parquet_\w+|sniff_csv|glob|st_read\w*|iceberg_\w+|delta_\w+|ducklake_\w+)$/, 'reads files on the server'],
  [/^(sqlite_\w+|postgres_\w+|mysql_\w+)$/, 'reaches another database'],
  [/^(query|query_table|json_execute_serialized_sql)$/, 'runs SQL built from a string'],
  [/^(duckdb_secrets|which_secret|getenv)$/, 'reveals server secrets or environment'],
  [/^(nextval|setval|currval|checkpoint|force_checkpoint)$/, 'changes database state'],
];

interface AstNode {
  [key: string]: unknown;
}

/** Every table function and function call in a parsed SELECT, and every table name read. */
function collectNames(node: unknown, out: { functions: Set<string>; tables: Set<string> }): void {
  if (Array.isArray(node)) {
    for (const n of node) collectNames(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as AstNode;
  if (n.class === 'FUNCTION' && typeof n.function_name === 'string') out.functions.add(n.function_name.toLowerCase());
  if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string') out.tables.add(n.table_name);
  for (const v of Object.values(n)) collectNames(v, out);
}

/** Parses sql (without binding, so no file is touched) and refuses denied functions and
 * file paths. Returns false when DuckDB cannot serialize it: it is not a plain SELECT. */
async function checkParseTree(conn: DuckDBConnection, sql: string): Promise<boolean> {
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR)', { sql });
  const tree = JSON.parse(String(reader.getRows()[0][0])) as { error: boolean; statements?: unknown };
  if (tree.error) return false;
  const names = { functions: new Set<string>(), tables: new Set<string>() };
  collectNames(tree.statements, names);
  for (const fn of names.functions) {
    const denied = DENIED_FUNCTIONS.find(([pattern]) => pattern.test(fn));
    if (denied) throw refuse(`function ${fn}() is not allowed in the console: it ${denied[1]}`);
  }
  // FROM 'file.csv' (a replacement scan) names a path, not a table.
  for (const table of names.tables) {
    if (/[/\\.:]/.test(table)) throw refuse(`reading files ('${table}') is not allowed in the console; query the tables and views`);
  }
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
    ? refuse(`${kind} statements are not allowed: the console is read-only and runs queries only`)
    : refuse('only plain queries (SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE) are allowed in the console; PRAGMA and other special statements are not');
}

/** Returns the single read statement of sql, prepared on conn, or throws a 400 saying why not.
 * Order matters: count and parse tree first (nothing bound yet); only a plain query that
 * passed them is prepared. */
export async function prepareReadOnly(conn: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
  let prepared: DuckDBPreparedStatement;
  try {
    const statements = await conn.extractStatements(sql);
    if (statements.count === 0) throw refuse("parameter 'query' holds no SQL statement");
    if (statements.count > 1) throw refuse(`parameter 'query' holds ${statements.count} statements; run one statement at a time`);
    if (!(await checkParseTree(conn, sql))) throw notAQuery(sql);
    prepared = await statements.prepare(0);
  } catch (err) {
    if (err instanceof ConsoleError) throw err;
    throw refuse(`the query cannot run: ${(err as Error).message.replace(/^Failed to extract statements: /, '')}`);
  }
  // A plain query prepares as a SELECT; anything else that slipped through is refused all the same.
  if (prepared.statementType !== StatementType.SELECT) throw notAQuery(sql);
  if (prepared.parameterCount > 0) throw refuse('the query has parameters ($1, ?); write the values into the query');
  return prepared;
}
