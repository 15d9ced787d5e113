// The rewrites from DuckDB's SQL to Trino's and Spark SQL's, each named once with its reason.
// A rule rewrites one list of nodes (a statement, or a parenthesised group's items) and is
// applied to every list, innermost first; the rules apply in the order listed.
import { MART_CATALOG, pipeline } from '../pipeline.js';
import {
  commas,
  type Group,
  isGroup,
  isOp,
  isQuery,
  isWord,
  mentions,
  type Node,
  next,
  parse,
  prev,
  rewriteCalls,
  significant,
  split,
  text,
  walk,
} from './tokens.js';

export const ENGINES = ['trino', 'spark'] as const;
export type Engine = (typeof ENGINES)[number];

export interface Rule {
  name: string;
  /** Why the engines named need it. */
  reason: string;
  engines: readonly Engine[];
  rewrite: (list: Node[], engine: Engine) => Node[];
}

/** DuckDB's aggregate functions the model calls (GROUP BY ALL groups by the other items). */
const AGGREGATES = ['sum', 'count', 'min', 'max', 'any_value', 'arg_max', 'arg_min', 'bool_and', 'bool_or', 'string_agg'];

/** The region tree is at most nation → province → city → county or zone: three steps reach every region below another. */
export const REGION_TREE_STEPS = 3;

/** A rule rewriting the calls of one function; to returns the replacement text. */
const call = (name: string, engines: readonly Engine[], reason: string, to: (args: string[], engine: Engine) => string): Rule => ({
  name,
  reason,
  engines,
  rewrite: (list, engine) => rewriteCalls(list, name, (args) => to(args.map(text), engine)),
});

const indexOf = (list: Node[], word: string, from = 0) => list.findIndex((n, i) => i >= from && isWord(n, word));
const lastIndexOf = (list: Node[], word: string, before: number) => list.findLastIndex((n, i) => i < before && isWord(n, word));

/** A query's SELECT items: those between the SELECT before `at` and the FROM after it. */
function selectItems(list: Node[], at: number): { select: number; from: number; items: Node[][] } {
  const select = lastIndexOf(list, 'select', at);
  const from = indexOf(list, 'from', select);
  if (select < 0 || from < 0) throw new Error('expected SELECT … FROM');
  return { select, from, items: commas(list.slice(select + 1, from)) };
}

/** Whether an item calls an aggregate outside any subquery. */
const aggregates = (nodes: Node[]): boolean =>
  nodes.some((n, i) => (isGroup(n) ? !isQuery(n) && aggregates(n.items) : isWord(n, ...AGGREGATES) && isGroup(nodes[next(nodes, i)])));

/** An item's significant nodes without its `AS alias`. */
function unaliased(item: Node[]): Node[] {
  const sig = significant(item);
  return isWord(sig.at(-2), 'as') ? sig.slice(0, -2) : sig;
}

/** The name a SELECT item's column gets: its alias, or the column it reads. */
function outputName(item: Node[]): string {
  const sig = significant(item);
  const last = sig.at(-1);
  if (isWord(last) && (sig.length === 1 || isWord(sig.at(-2), 'as') || isOp(sig.at(-2), '.'))) return last.text;
  throw new Error(`name the SELECT item ${text(item)}`);
}

/** Replaces a word (as a relation name, not part of a qualified name) everywhere. */
const renamed = (nodes: Node[], from: string, to: string) =>
  walk(nodes, (list) => list.map((n, i) => (isWord(n, from) && !isOp(list[prev(list, i)], '.') ? { kind: 'word', text: to } : n)));

/** Splits a query at its top-level UNION ALLs. */
const unionAll = (items: Node[]) =>
  split(items, (n, i) => isWord(n, 'union') && isWord(items[next(items, i)], 'all')).map((p, k) =>
    k === 0 ? p : p.slice(p.findIndex((n) => isWord(n, 'all')) + 1),
  );

/** Words that may stand before a parenthesis without calling it. */
const KEYWORDS = ['select', 'else', 'then', 'when', 'and', 'or', 'not', 'in', 'exists', 'as', 'on', 'where', 'having', 'by', 'case', 'from', 'join'];

/** Where the left operand of the / at i starts: its chain of *, / and % terms, each a literal, a (qualified) name, a call or a group. */
function dividendStart(list: Node[], i: number): number {
  let at = prev(list, i);
  for (;;) {
    if (isGroup(list[at]) && isWord(list[prev(list, at)]) && !isWord(list[prev(list, at)], ...KEYWORDS)) at = prev(list, at);
    while (isOp(list[prev(list, at)], '.')) at = prev(list, prev(list, at));
    if (!isWord(list[at]) && !isGroup(list[at]) && list[at]?.kind !== 'number' && list[at]?.kind !== 'string')
      throw new Error(`division: no dividend before ${text(list.slice(i))}`);
    const op = prev(list, at);
    if (!['*', '/', '%'].some((o) => isOp(list[op], o))) return at;
    at = prev(list, op);
  }
}

/** strftime's specifiers as Java date patterns (Spark's date_format). */
const JAVA_PATTERN: Record<string, string> = { '%Y': 'yyyy', '%m': 'MM', '%d': 'dd' };

function javaPattern(format: string): string {
  return format.replace(/%.|[A-Za-z]/g, (s) => {
    const p = JAVA_PATTERN[s];
    if (!p) throw new Error(`strftime: no Spark pattern for ${s}`);
    return p;
  });
}

const stringLiteral = (arg: string, what: string) => {
  if (!/^'(?:[^']|'')*'$/.test(arg)) throw new Error(`${what}: expected a string literal, got ${arg}`);
  return arg;
};

export const RULES: Rule[] = [
  {
    name: 'group-by-all',
    reason: 'Trino has no GROUP BY ALL (Spark has it since 3.4): the positions of the items that are neither aggregates nor constants',
    engines: ['trino'],
    rewrite: (list) =>
      list.flatMap((n, i) => {
        const by = prev(list, i);
        if (!isWord(n, 'all') || !isWord(list[by], 'by') || !isWord(list[prev(list, by)], 'group')) return [n];
        const { items } = selectItems(list, i);
        const positions = items.flatMap((item, k) => {
          const sig = unaliased(item);
          if (isOp(sig.at(-1), '*') && (sig.length === 1 || isOp(sig.at(-2), '.'))) throw new Error('GROUP BY ALL over *: list the columns');
          const constant = sig.every((s) => s.kind === 'string' || s.kind === 'number' || isWord(s, 'null'));
          return aggregates(item) || constant ? [] : [k + 1];
        });
        if (positions.length === 0) throw new Error('GROUP BY ALL with nothing to group by');
        return parse(positions.join(', '));
      }),
  },
  {
    name: 'division',
    reason: "DuckDB's / divides in DOUBLE whatever its operands; Trino keeps integers (7 / 2 = 3) and decimals at their scale, Spark decimals",
    engines: ['trino', 'spark'],
    rewrite: (list) => {
      let out = list;
      for (let i = 0; i < out.length; i++) {
        if (!isOp(out[i], '/')) continue;
        const start = dividendStart(out, i);
        const dividend = out.slice(start, prev(out, i) + 1);
        const sig = significant(dividend);
        const double = sig.some((n) => isOp(n, '/')) || (sig.length === 2 && isWord(sig[0], 'cast') && /\bAS\s+DOUBLE$/i.test(text([sig[1]]).slice(1, -1)));
        if (double) continue;
        const cast = parse(`CAST(${text(dividend)} AS DOUBLE) `);
        out = [...out.slice(0, start), ...cast, ...out.slice(i)];
        i = start + cast.length;
      }
      return out;
    },
  },
  {
    name: 'qualify',
    reason: 'neither engine has QUALIFY: the window condition becomes a column of a subquery, filtered outside it',
    engines: ['trino', 'spark'],
    rewrite: (list) => {
      const q = indexOf(list, 'qualify');
      if (q < 0) return list;
      const { select, from, items } = selectItems(list, q);
      const columns = items.map(outputName).join(', ');
      const inner = `SELECT ${text(list.slice(select + 1, from))}, ${text(list.slice(q + 1))} AS qualified FROM ${text(list.slice(from + 1, q))}`;
      return [...list.slice(0, select), ...parse(`SELECT ${columns} FROM (${inner}) AS q WHERE qualified`)];
    },
  },
  {
    name: 'from-first',
    reason: "DuckDB's FROM-first query (`FROM t`) is `SELECT * FROM t` in both",
    engines: ['trino', 'spark'],
    rewrite: (list) =>
      list.flatMap((n, i) => {
        const p = prev(list, i);
        const setOp = (k: number) => isWord(list[k], 'union', 'except', 'intersect');
        const starts = p < 0 || setOp(p) || (isWord(list[p], 'all', 'distinct') && setOp(prev(list, p)));
        return isWord(n, 'from') && starts ? [...parse('SELECT * '), n] : [n];
      }),
  },
  {
    name: 'anti-join',
    reason: 'Spark writes ANTI JOIN as LEFT ANTI JOIN; Trino has none: NOT EXISTS over the USING columns',
    engines: ['trino', 'spark'],
    rewrite: (list, engine) => {
      const anti = indexOf(list, 'anti');
      if (anti < 0 || isWord(list[prev(list, anti)], 'left')) return list;
      if (engine === 'spark') return [...list.slice(0, anti), ...parse('LEFT '), ...list.slice(anti)];
      const [join, relation, using, columns, rest] = [1, 2, 3, 4, 5].map((k) => significant(list.slice(anti))[k]);
      if (!isWord(join, 'join') || !isWord(using, 'using') || !isGroup(columns) || rest)
        throw new Error('ANTI JOIN: only `ANTI JOIN r USING (…)` at the end of a query');
      const left = text([list[prev(list, anti)]]);
      const keys = commas(columns.items).map((c) => `other.${text(c)} = ${left}.${text(c)}`);
      return [...list.slice(0, anti), ...parse(`WHERE NOT EXISTS (SELECT 1 FROM ${text([relation])} AS other WHERE ${keys.join(' AND ')})`)];
    },
  },
  {
    name: 'recursive-cte',
    reason: `the Spark grammar has no recursive CTE: the model's recursions walk the region tree, so ${REGION_TREE_STEPS} steps unrolled reach every level`,
    engines: ['spark'],
    rewrite: (list) => {
      const w = indexOf(list, 'with');
      if (w < 0 || !isWord(list[next(list, w)], 'recursive')) return list;
      const ctes: string[] = [];
      let i = next(list, next(list, w));
      for (;;) {
        const name = text([list[i]]);
        let at = next(list, i);
        const columns = isGroup(list[at]) ? text([list[at]]) : '';
        if (columns) at = next(list, at);
        const body = list[next(list, at)] as Group;
        const parts = unionAll(body.items);
        const base = parts.filter((p) => !mentions(p, name));
        if (base.length === parts.length) ctes.push(`${name}${columns} AS ${text([body])}`);
        else {
          const steps = parts.filter((p) => mentions(p, name));
          const level = (k: number) => (k === 0 ? base : steps.map((s) => renamed(s, name, `${name}_${k - 1}`))).map(text).join(' UNION ALL ');
          const levels = Array.from({ length: REGION_TREE_STEPS + 1 }, (_, k) => k);
          ctes.push(...levels.map((k) => `${name}_${k}${columns} AS (${level(k)})`));
          ctes.push(`${name}${columns} AS (${levels.map((k) => `SELECT * FROM ${name}_${k}`).join(' UNION ALL ')})`);
        }
        i = next(list, next(list, at));
        if (!isOp(list[i], ',')) break;
        i = next(list, i);
      }
      return [...list.slice(0, w), ...parse(`WITH ${ctes.join(',\n')}\n`), ...list.slice(i)];
    },
  },
  {
    name: 'select-unnest',
    reason: 'unnest in a SELECT list is a lateral join in both: Trino CROSS JOIN UNNEST, Spark LATERAL VIEW explode',
    engines: ['trino', 'spark'],
    rewrite: (list, engine) => {
      const s = indexOf(list, 'select');
      if (s < 0 || !mentions(list.slice(s), 'unnest')) return list;
      const { from, items } = selectItems(list, indexOf(list, 'from', s));
      if (!items.some((item) => mentions(item, 'unnest'))) return list;
      if (items.length !== 1) throw new Error('unnest: only as the one item of its SELECT');
      let elements = '';
      const item = walk(items[0], (l) =>
        rewriteCalls(l, 'unnest', ([arg]) => {
          elements = text(arg);
          return 'unnested.element';
        }),
      );
      const join = engine === 'trino' ? 'CROSS JOIN UNNEST(series.elements) AS unnested(element)' : 'LATERAL VIEW explode(series.elements) unnested AS element';
      return [...list.slice(0, s), ...parse(`SELECT ${text(item)} FROM (SELECT ${elements} AS elements FROM ${text(list.slice(from + 1))}) AS series ${join}`)];
    },
  },
  call('generate_series', ['trino', 'spark'], "both name DuckDB's generate_series (end included) sequence", (args) => `sequence(${args.join(', ')})`),
  {
    name: 'interval',
    reason: "Trino takes an interval's quantity only as a string (INTERVAL '1' DAY)",
    engines: ['trino'],
    rewrite: (list) => list.map((n, i) => (n.kind === 'number' && isWord(list[prev(list, i)], 'interval') ? { kind: 'string', text: `'${n.text}'` } : n)),
  },
  call('strftime', ['trino', 'spark'], "Trino's date_format takes strftime's %-specifiers; Spark's takes Java patterns", ([value, format], engine) =>
    engine === 'trino' ? `date_format(${value}, ${format})` : `date_format(${value}, ${javaPattern(stringLiteral(format, 'strftime'))})`,
  ),
  call('format', ['trino', 'spark'], "DuckDB's format placeholders {} are %s in Trino's format and Spark's format_string", ([template, ...args], engine) => {
    const printf = stringLiteral(template, 'format').replaceAll('%', '%%').replaceAll('{}', '%s');
    return `${engine === 'trino' ? 'format' : 'format_string'}(${[printf, ...args].join(', ')})`;
  }),
  call('left', ['trino'], 'Trino has no left(s, n)', ([value, n]) => `substr(${value}, 1, ${n})`),
  call('isodow', ['trino', 'spark'], 'the ISO day of the week (Monday 1): Trino day_of_week, Spark weekday + 1 (Monday 0)', ([d], engine) =>
    engine === 'trino' ? `day_of_week(${d})` : `(weekday(${d}) + 1)`,
  ),
  call('make_date', ['trino'], 'Trino has no make_date: the date of its ISO text', ([y, m, d]) => `date(format('%04d-%02d-%02d', ${y}, ${m}, ${d}))`),
  call(
    'date_diff',
    ['spark'],
    "Spark counts units between two times with timestampdiff (DuckDB's and Trino's date_diff)",
    ([unit, from, to]) => `timestampdiff(${stringLiteral(unit, 'date_diff').slice(1, -1).toUpperCase()}, ${from}, ${to})`,
  ),
  call(
    'timezone',
    ['trino', 'spark'],
    "a time's wall clock in a time zone: Trino AT TIME ZONE, Spark from_utc_timestamp (session time zone UTC)",
    ([zone, value], engine) => (engine === 'trino' ? `(${value} AT TIME ZONE ${zone})` : `from_utc_timestamp(${value}, ${zone})`),
  ),
  call('getvariable', ['trino', 'spark'], 'neither engine has session variables: unset, so the clock (as_of_ts) is the engine’s now', () => 'NULL'),
  call('any_value', ['trino'], "Trino's any_value is arbitrary", ([value]) => `arbitrary(${value})`),
  ...(
    [
      ['arg_max', 'max_by'],
      ['arg_min', 'min_by'],
    ] as const
  ).map(([from, to]) => call(from, ['trino', 'spark'], `both name DuckDB's ${from} ${to}`, (args) => `${to}(${args.join(', ')})`)),
  {
    name: 'median',
    reason: "Trino has no exact median: the middle of the window's sorted values; Spark's is percentile(x, 0.5)",
    engines: ['trino', 'spark'],
    rewrite: (list, engine) =>
      rewriteCalls(list, 'median', ([arg], after) => {
        const x = text(arg);
        const [over, window] = significant(after);
        if (!isWord(over, 'over')) throw new Error('median: only as a window function');
        // In parentheses: the Spark grammar dt-sql-parser ships rejects `(a - f(x) OVER w)`.
        if (engine === 'spark') return { text: `(percentile(${x}, 0.5) OVER ${text([window])})`, consumed: 2 };
        const sorted = `array_sort(filter(array_agg(${x}) OVER ${text([window])}, v -> v IS NOT NULL))`;
        const middle = `(element_at(${sorted}, (cardinality(${sorted}) + 1) / 2) + element_at(${sorted}, cardinality(${sorted}) / 2 + 1)) / 2e0`;
        return { text: `(${middle})`, consumed: 2 };
      }),
  },
  {
    name: 'string-agg',
    reason: "neither engine has string_agg(DISTINCT x, sep ORDER BY x): the sorted distinct values' array joined",
    engines: ['trino', 'spark'],
    rewrite: (list) =>
      rewriteCalls(list, 'string_agg', ([value, rest]) => {
        const distinct = significant(value)[0];
        const order = rest.findIndex((n) => isWord(n, 'order'));
        const x = value.slice(value.indexOf(distinct) + 1);
        if (!isWord(distinct, 'distinct') || order < 0 || text(rest.slice(next(rest, order) + 1)) !== text(x))
          throw new Error('string_agg: only string_agg(DISTINCT x, sep ORDER BY x)');
        return `array_join(array_sort(array_distinct(array_agg(${text(x)}))), ${text(rest.slice(0, order))})`;
      }),
  },
  {
    name: 'ordered-sum',
    reason: 'Spark has no ORDER BY in an aggregate: the sum in any order (its last digit may differ)',
    engines: ['spark'],
    rewrite: (list) =>
      rewriteCalls(list, 'sum', ([arg]) => {
        const order = arg.findIndex((n) => isWord(n, 'order'));
        return order < 0 ? undefined : `sum(${text(arg.slice(0, order))})`;
      }),
  },
  {
    name: 'count-distinct-row',
    reason: 'Spark counts distinct tuples as count(DISTINCT a, b), not of a row (a, b)',
    engines: ['spark'],
    rewrite: (list) =>
      rewriteCalls(list, 'count', ([arg]) => {
        const [distinct, row] = significant(arg);
        return isWord(distinct, 'distinct') && isGroup(row) ? `count(DISTINCT ${text(row.items)})` : undefined;
      }),
  },
  {
    name: 'ignore-nulls',
    reason: 'both write IGNORE NULLS after the call, not inside it',
    engines: ['trino', 'spark'],
    rewrite: (list) =>
      list.flatMap((n, i) => {
        const sig = isGroup(n) && isWord(list[prev(list, i)]) ? significant(n.items) : [];
        if (!isWord(sig.at(-2), 'ignore') || !isWord(sig.at(-1), 'nulls')) return [n];
        const items = (n as Group).items;
        return [{ kind: 'group', items: parse(text(items.slice(0, items.indexOf(sig.at(-2)!)))) }, ...parse(' IGNORE NULLS')];
      }),
  },
  {
    name: 'power',
    reason: 'neither engine has the ** operator: power(a, b)',
    engines: ['trino', 'spark'],
    rewrite: (list) => {
      let out = list;
      for (let op = out.findIndex((n) => isOp(n, '**')); op >= 0; op = out.findIndex((n) => isOp(n, '**'))) {
        const [a, b] = [prev(out, op), next(out, op)];
        out = [...out.slice(0, a), ...parse(`power(${text([out[a]])}, ${text([out[b]])})`), ...out.slice(b + 1)];
      }
      return out;
    },
  },
  {
    name: 'types',
    reason: 'TIMESTAMPTZ is Trino’s timestamp with time zone and Spark’s TIMESTAMP (an instant); Spark’s text type is STRING',
    engines: ['trino', 'spark'],
    rewrite: (list, engine) =>
      list.flatMap((n) => {
        if (isWord(n, 'timestamptz')) return parse(engine === 'trino' ? 'timestamp(6) with time zone' : 'TIMESTAMP');
        return isWord(n, 'varchar') && engine === 'spark' ? parse('STRING') : [n];
      }),
  },
  {
    name: 'mart-schema',
    reason: `the marts are DuckDB's attached catalog ${MART_CATALOG}, found by its search path; in an engine they are tables of the schema ${MART_CATALOG}`,
    engines: ['trino', 'spark'],
    rewrite: (list) => {
      const marts = new Set(pipeline().marts.map((m) => m.mart));
      return list.flatMap((n, i) => (isWord(n) && marts.has(n.text) && !isOp(list[prev(list, i)], '.') ? parse(`${MART_CATALOG}.${n.text}`) : [n]));
    },
  },
];

/** The rules for an engine, applied in order to every list of the nodes. */
export function applyRules(nodes: Node[], engine: Engine): Node[] {
  return RULES.filter((r) => r.engines.includes(engine)).reduce((acc, r) => walk(acc, (list) => r.rewrite(list, engine)), nodes);
}
