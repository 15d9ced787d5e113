// SQL text as tokens nested by parentheses, so a rewrite sees strings, comments, quoted
// identifiers and subqueries as units and never matches inside them.

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'op' | 'space' | 'comment';
  text: string;
}
/** A parenthesised list; the parentheses themselves are implied. */
export interface Group {
  kind: 'group';
  items: Node[];
}
export type Node = Token | Group;

const TOKEN =
  /(\s+)|(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(::|:=|\|\||<=|>=|<>|!=|->|\*\*|[(),;.+\-*/%<>=:[\]])/y;
const KINDS = ['space', 'comment', 'string', 'quoted', 'number', 'word', 'op'] as const;

export function parse(sql: string): Node[] {
  const stack: Node[][] = [[]];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < sql.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(sql);
    if (!m) throw new Error(`unexpected character at ${at}: ${sql.slice(at, at + 20)}`);
    const kind = KINDS[m.slice(1).findIndex((g) => g !== undefined)];
    let text = m[0];
    // A line comment becomes a block comment, so trimming or joining text never lets it
    // swallow what follows.
    if (kind === 'comment' && text.startsWith('--')) text = `/* ${text.slice(2).trim().replaceAll('*/', '* /')} */`;
    if (text === '(') stack.push([]);
    else if (text === ')') {
      const items = stack.pop();
      if (!items || stack.length === 0) throw new Error(`unbalanced ')' at ${at}`);
      stack.at(-1)!.push({ kind: 'group', items });
    } else stack.at(-1)!.push({ kind, text });
  }
  if (stack.length !== 1) throw new Error("unbalanced '('");
  return stack[0];
}

export function render(nodes: Node[]): string {
  return nodes.map((n) => (n.kind === 'group' ? `(${render(n.items)})` : n.text)).join('');
}

/** The text of nodes without leading and trailing whitespace. */
export const text = (nodes: Node[]) => render(nodes).trim();

export const isTrivia = (n: Node | undefined) => n?.kind === 'space' || n?.kind === 'comment';
export const isGroup = (n: Node | undefined): n is Group => n?.kind === 'group';
/** A word, or one of the given words (case-insensitive). */
export const isWord = (n: Node | undefined, ...words: string[]): n is Token =>
  n?.kind === 'word' && (words.length === 0 || words.includes(n.text.toLowerCase()));
export const isOp = (n: Node | undefined, op: string) => n?.kind === 'op' && n.text === op;

/** Index of the next significant node after i, or -1. */
export function next(nodes: Node[], i: number): number {
  for (let j = i + 1; j < nodes.length; j++) if (!isTrivia(nodes[j])) return j;
  return -1;
}
/** Index of the previous significant node before i, or -1. */
export function prev(nodes: Node[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (!isTrivia(nodes[j])) return j;
  return -1;
}
/** The significant nodes. */
export const significant = (nodes: Node[]) => nodes.filter((n) => !isTrivia(n));

/** Splits a list at the nodes sep accepts (the separators dropped). */
export function split(nodes: Node[], sep: (n: Node, i: number) => boolean): Node[][] {
  const parts: Node[][] = [[]];
  nodes.forEach((n, i) => {
    if (sep(n, i)) parts.push([]);
    else parts.at(-1)!.push(n);
  });
  return parts;
}
export const commas = (nodes: Node[]) => split(nodes, (n) => isOp(n, ','));

/** A group holding a query (its first word SELECT, WITH, FROM or VALUES). */
export const isQuery = (n: Node | undefined): boolean => isGroup(n) && isWord(significant(n.items)[0], 'select', 'with', 'from', 'values');

/** Applies f to every list, innermost first: each group's items, then the list holding it. */
export function walk(nodes: Node[], f: (list: Node[]) => Node[]): Node[] {
  return f(nodes.map((n) => (isGroup(n) ? { kind: 'group', items: walk(n.items, f) } : n)));
}

/** Whether a word occurs anywhere in the nodes (at any depth). */
export function mentions(nodes: Node[], word: string): boolean {
  return nodes.some((n) => (isGroup(n) ? mentions(n.items, word) : isWord(n, word)));
}

/**
 * Rewrites each call `name(args)` in a list: a word followed by a group, not a qualified
 * name's part. to gets the arguments and the nodes after the call, and returns the
 * replacement text (with how many significant nodes after the call it takes in), or
 * undefined to keep the call.
 */
export function rewriteCalls(
  list: Node[],
  name: string,
  to: (args: Node[][], after: Node[]) => string | { text: string; consumed: number } | undefined,
): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < list.length; i++) {
    const g = next(list, i);
    const call = list[g];
    const result =
      isWord(list[i], name) && isGroup(call) && !isOp(list[prev(list, i)], '.')
        ? to(significant(call.items).length ? commas(call.items) : [], list.slice(g + 1))
        : undefined;
    if (result === undefined) {
      out.push(list[i]);
      continue;
    }
    const { text: replacement, consumed } = typeof result === 'string' ? { text: result, consumed: 0 } : result;
    out.push(...parse(replacement));
    let end = g;
    for (let k = 0; k < consumed; k++) end = next(list, end);
    i = end;
  }
  return out;
}
