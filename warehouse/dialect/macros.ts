// DuckDB macros, inlined where they are called: Trino and Spark SQL have no table macros,
// and a scalar macro's body in place is what DuckDB evaluates too (it expands macros the same
// way, a parameter standing for its argument's expression).
import { commas, type Group, isGroup, isOp, isWord, type Node, next, parse, prev, significant, text, walk } from './tokens.js';

export interface Macro {
  name: string;
  params: { name: string; fallback?: Node[] }[];
  /** A table macro (AS TABLE): called in FROM, inlined as a subquery. */
  table: boolean;
  body: Node[];
  /** The macros inlined into the body. */
  uses: string[];
}

/**
 * Macros whose body reads what stays on the collecting machine, replaced by what the views see
 * over an export: warehouse/parquet/views.ts's DuckDB stand-in has the same, empty, ops_run.
 */
export const MACRO_STANDINS: Record<string, { body: string; reason: string }> = {
  feed_covered_from: {
    body: 'CAST(NULL AS DATE)',
    reason: "reads ops_run, the collectors' run log, which is not exported: over an export no feed history limits the periods",
  },
};

/** The macro a `CREATE [OR REPLACE] MACRO name(params) AS [TABLE] body` statement defines, if it is one. */
export function macroDefinition(statement: Node[], macros: ReadonlyMap<string, Macro>): Macro | undefined {
  const sig = significant(statement);
  const at = sig.findIndex((n) => isWord(n, 'macro'));
  if (!isWord(sig[0], 'create') || at < 0 || !isGroup(sig[at + 2]) || !isWord(sig[at + 3], 'as')) return undefined;
  const name = text([sig[at + 1]]);
  // A parameter with a default: `name := value`.
  const list = (sig[at + 2] as Group).items;
  const params = (significant(list).length ? commas(list) : []).map((p) => {
    const i = p.findIndex((n) => isOp(n, ':='));
    return i < 0 ? { name: text(p).toLowerCase() } : { name: text(p.slice(0, i)).toLowerCase(), fallback: p.slice(i + 1) };
  });
  const table = isWord(sig[at + 4], 'table');
  const standin = MACRO_STANDINS[name];
  const start = statement.indexOf(sig[at + (table ? 4 : 3)]) + 1;
  const uses = new Set<string>();
  const body = parse(standin ? standin.body : text(inlineMacros(statement.slice(start), macros, uses)));
  return { name, params, table, body, uses: [...uses] };
}

/** Words that end a FROM item: after an inlined table macro, anything else is its alias. */
const CLAUSE = ['where', 'group', 'having', 'qualify', 'window', 'order', 'limit', 'union', 'except', 'intersect', 'join', 'left', 'inner', 'cross', 'on'];

/** Replaces every call of a macro by its body, the parameters by the call's arguments; used collects the macros inlined. */
export function inlineMacros(nodes: Node[], macros: ReadonlyMap<string, Macro>, used: Set<string>): Node[] {
  return walk(nodes, (list) => {
    const out: Node[] = [];
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      const macro = isWord(n) ? macros.get(n.text.toLowerCase()) : undefined;
      const g = next(list, i);
      if (!macro || !isGroup(list[g]) || isOp(list[prev(list, i)], '.')) {
        out.push(n);
        continue;
      }
      const call = list[g] as Group;
      const args = significant(call.items).length ? commas(call.items) : [];
      if (args.length > macro.params.length) throw new Error(`${macro.name}: ${args.length} arguments for ${macro.params.length} parameters`);
      const values = new Map(
        macro.params.map((p, k) => {
          const arg = args[k] ?? p.fallback;
          if (!arg) throw new Error(`${macro.name}: no argument for ${p.name}`);
          const sig = significant(arg);
          return [p.name, sig.length === 1 ? sig[0] : ({ kind: 'group', items: arg } as Group)];
        }),
      );
      for (const name of [macro.name, ...macro.uses]) used.add(name);
      const body = substitute(macro.body, values);
      const alone = significant(body);
      out.push(alone.length === 1 && isGroup(alone[0]) && !macro.table ? alone[0] : { kind: 'group', items: body });
      const after = list[next(list, g)];
      if (macro.table && !(isWord(after) && !isWord(after, ...CLAUSE))) out.push(...parse(` AS ${macro.name}`));
      i = g;
    }
    return out;
  });
}

/** The body with each parameter (a bare word, not part of a qualified name) replaced. */
function substitute(body: Node[], values: ReadonlyMap<string, Node>): Node[] {
  return walk(body, (list) =>
    queryTables(
      list.map((n, i) => {
        const value = isWord(n) && !isOp(list[prev(list, i)], '.') ? values.get(n.text.toLowerCase()) : undefined;
        return value ?? n;
      }),
    ),
  );
}

/** query_table('name'): the relation a table macro's string argument names. */
function queryTables(list: Node[]): Node[] {
  return list.flatMap((n, i) => {
    if (isWord(list[prev(list, i)], 'query_table') && isGroup(n)) {
      const [name] = significant(n.items);
      if (name?.kind !== 'string') throw new Error('query_table takes a relation name as a string');
      return [{ kind: 'word', text: name.text.slice(1, -1) }];
    }
    return isWord(n, 'query_table') && isGroup(list[next(list, i)]) ? [] : [n];
  });
}
