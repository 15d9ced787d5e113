// The SELECT list of a row contract (rows.ts): each of its columns, by the SQL that gives it.
// The argument must name exactly the contract's columns — a missing, misspelled or extra
// column is a type error where the query is written — and the list is in that order.

/** For each column of row type R, an SQL expression, or true for the column of that name. */
export type SelectList<R> = { [K in keyof R]-?: string | true };

/** `expr AS column, …`; a `true` column is taken from `from` (a table alias) when given. */
export function selectList<R>(columns: SelectList<R>, from?: string): string {
  return Object.entries(columns as Record<string, string | true>)
    .map(([name, sql]) => (sql === true ? (from ? `${from}.${name}` : name) : `${sql} AS ${name}`))
    .join(', ');
}
