// Every import points down the layers: entry points → app → api → domain → ingest →
// warehouse → core/contracts. The demo platform is imported only by entry points, the
// benchmark and tests; the dashboard imports only contracts; and no module imports itself
// back through a cycle. Read from the source text of every module, type imports included.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';

/** Rank of each top-level folder: a module may import modules of the same or a lower rank. */
const RANK: Record<string, number> = {
  core: 0,
  contracts: 0,
  warehouse: 1,
  ingest: 2,
  scoring: 3,
  alerts: 3,
  report: 3,
  console: 3,
  evaluation: 3,
  access: 3,
  api: 4,
  app: 5,
  bin: 6,
  bench: 6,
  test: 7,
};
/** Folders outside the ranks and what they may import besides themselves. */
const SPECIAL: Record<string, string[]> = {
  // The demo drives accounts and its evaluation round through the domain, as its users would.
  demo: ['core', 'contracts', 'ingest', 'access', 'evaluation'],
  dashboard: ['contracts'],
};
/** Who may import these folders at all. */
const ONLY_FROM: Record<string, string[]> = {
  demo: ['demo', 'bin', 'bench', 'test'],
  dashboard: ['dashboard'],
};

const FOLDERS = [...Object.keys(RANK), ...Object.keys(SPECIAL)];

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? modules(path) : /\.ts$/.test(e.name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Each module's relative imports, as project-relative paths of .ts files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const folder of FOLDERS) {
    let files: string[];
    try {
      files = modules(join(ROOT, folder));
    } catch {
      continue; // a folder that does not exist yet
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2] ?? m[3])
        .map((spec) => relative(ROOT, resolve(dirname(file), spec)).replace(/\.js$/, '.ts'));
      graph.set(relative(ROOT, file), targets);
    }
  }
  return graph;
}

const top = (path: string) => path.split('/')[0];

function allowed(from: string, to: string): boolean {
  const [a, b] = [top(from), top(to)];
  if (a === b) return true;
  if (ONLY_FROM[b] && !ONLY_FROM[b].includes(a)) return false;
  if (SPECIAL[a]) return SPECIAL[a].includes(b);
  if (SPECIAL[b]) return true; // demo, imported from an entry point, the benchmark or a test
  return RANK[a] !== undefined && RANK[b] !== undefined && RANK[b] <= RANK[a];
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('layers', () => {
  const graph = importGraph();

  it('reads the modules of every layer', () => {
    for (const folder of ['core', 'contracts', 'warehouse', 'ingest', 'scoring', 'api', 'app', 'demo', 'bin', 'dashboard']) {
      expect(
        [...graph.keys()].some((m) => top(m) === folder),
        folder,
      ).toBe(true);
    }
    expect(graph.get('api/app.ts')?.length).toBeGreaterThan(5);
  });

  it('has every import pointing down the layers', () => {
    const upward = [...graph].flatMap(([from, targets]) => targets.filter((to) => !allowed(from, to)).map((to) => `${from} → ${to}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('refuses an upward arrow, a demo import from production code and a cycle (the checks can fail)', () => {
    expect(allowed('warehouse/migrate.ts', 'scoring/load-schemes.ts')).toBe(false);
    expect(allowed('ingest/sources/report-folder.ts', 'demo/simulator/clock.ts')).toBe(false);
    expect(allowed('report/html.ts', 'dashboard/src/components/score-bar.ts')).toBe(false);
    expect(allowed('dashboard/src/pages/x.ts', 'warehouse/database.ts')).toBe(false);
    expect(allowed('bin/start.ts', 'demo/embedded.ts')).toBe(true);
    expect(allowed('api/routes/scores.ts', 'scoring/manual-scores.ts')).toBe(true);
    expect(
      cycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
