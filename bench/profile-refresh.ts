// `npx tsx bench/profile-refresh.ts [--cases 1e6] [--explain 3] [--dir data/bench]`: where a
// refresh's time goes, per mart. Generates the benchmark's history (bench/history.ts), times
// every mart of the full refresh, then of the refresh a month landing through the three
// collectors side by side makes; EXPLAIN ANALYZE of the slowest marts' incremental queries goes to
// <dir>/profile-<cases>-<mart>.txt; last, the cost of one read of each view the pages read unmaterialized.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setUpDatabase } from '../app/setup.js';
import { ROOT } from '../core/paths.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../warehouse/database.js';
import { pipeline } from '../warehouse/pipeline.js';
import { profileMarts, refreshMarts } from '../warehouse/refresh.js';
import { generateHistory, prepareSource, queueMonth } from './history.js';
import { TableCollector } from './table-source.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1e6' },
    explain: { type: 'string', default: '3' },
    dir: { type: 'string', default: 'data/bench' },
    'memory-limit': { type: 'string', default: '4GB' },
    repeat: { type: 'string', default: '0' },
    checkpoint: { type: 'boolean', default: false },
  },
});
const n = Number(values.cases);
const dir = resolve(ROOT, values.dir);
const path = join(dir, `profile-${n}.duckdb`);
const sourcePath = join(dir, `profile-${n}-source.duckdb`);
const files = [path, `${path}.wal`, sourcePath, `${sourcePath}.wal`];

type Timings = Map<string, number>;
function timed<T>(into: Timings, run: () => Promise<T>): Promise<T> {
  profileMarts((mart, ms) => into.set(mart, (into.get(mart) ?? 0) + ms));
  return run().finally(() => profileMarts(null));
}

const ms = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(0)).padStart(8);

for (const f of files) rmSync(f, { force: true });
const db = await Database.open(path, { memoryLimit: values['memory-limit'], threads: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, dir] });
try {
  await setUpDatabase(db);
  await prepareSource(db, sourcePath);
  await generateHistory(db, n, () => undefined);

  const full: Timings = new Map();
  let t = performance.now();
  await timed(full, () => refreshMarts(db));
  const fullMs = performance.now() - t;

  await queueMonth(db, n, 1);
  const tc = new TableCollector(db, 'src.feed_record');
  // The month's three feeds land side by side, as at start-up: the last run to end refreshes for all.
  const month: Timings = new Map();
  t = performance.now();
  const runs = await timed(month, () => Promise.all(['cases', 'reports', 'uploads'].map((feed) => tc.run(feed, { trigger: 'manual', pageSize: 100_000 }))));
  const monthMs = performance.now() - t;
  for (const run of runs) if (run.status !== 'ok') throw new Error(`${run.feed}: ${run.error}`);
  // The writer keeps the variable the refresh last set (the scores' day, as early as the marts').
  const from = await db.exclusive(async (c) => String((await c.runAndReadAll("SELECT getvariable('marts_from')::VARCHAR")).getRows()[0][0]));

  console.log(`\n${n.toLocaleString('en')} cases; full refresh ${fullMs.toFixed(0)} ms; ms per mart:`);
  console.log(`${'mart'.padEnd(28)}${'full'.padStart(8)}${'month'.padStart(8)}`);
  for (const { mart } of pipeline().marts) console.log(`${mart.padEnd(28)}${ms(full.get(mart))}${ms(month.get(mart))}`);
  const sum = (m: Timings) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`${'sum of marts'.padEnd(28)}${ms(sum(full))}${ms(sum(month))}`);
  console.log(`${"the month's runs (incl. refresh)".padEnd(36)}${ms(monthMs)}`);
  console.log(`${'refreshed from'.padEnd(36)}${from.slice(2).padStart(9)}`);

  // EXPLAIN ANALYZE of the slowest marts over the month's periods.
  const slowest = [...month].sort((a, b) => b[1] - a[1]).slice(0, Number(values.explain));
  for (const [mart] of slowest) {
    const view = pipeline().marts.find((m) => m.mart === mart)!.view;
    const plan = await db.exclusive(async (c) => {
      await c.run(`SET VARIABLE refresh_from = DATE '${from}'`);
      const reader = await c.runAndReadAll(`EXPLAIN ANALYZE SELECT * FROM ${view} WHERE in_refresh(period_type, period)`);
      return reader
        .getRows()
        .map((r) => String(r[1]))
        .join('\n');
    });
    const out = join(dir, `profile-${n}-${mart}.txt`);
    writeFileSync(out, plan);
    console.log(`EXPLAIN ANALYZE ${view} from ${from}: ${out}`);
  }

  // Refreshes repeated as a live collector makes them (each from the month's day): what
  // the marts' deleted rows cost in time and memory.
  for (let i = 0; i < Number(values.repeat); i++) {
    await db.exec(`UPDATE ops_refresh SET marts_from = DATE '${from}', scores_from = DATE '${from}'`);
    t = performance.now();
    await refreshMarts(db);
    const refreshMs = performance.now() - t;
    t = performance.now();
    if (values.checkpoint) await db.checkpoint();
    const checkpointMs = performance.now() - t;
    const [{ mb }] = await db.rows<{ mb: number }>('SELECT sum(memory_usage_bytes) / 1e6 AS mb FROM duckdb_memory()');
    console.log(
      `repeat ${i + 1}: refresh ${refreshMs.toFixed(0)} ms, checkpoint ${checkpointMs.toFixed(0)} ms, DuckDB memory ${Number(mb).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    );
  }

  // Views the pages read unmaterialized: one full read each (a page reads a slice of them).
  for (const view of ['v_score_gap', 'v_score_peer', 'v_score_lost', 'v_movers', 'v_score_indicator_target', 'v_period_completeness', 'v_peer_shortfall']) {
    t = performance.now();
    const [{ rows }] = await db.rows<{ rows: number }>(`SELECT count(*) AS rows FROM (FROM ${view})`);
    console.log(`${view.padEnd(28)}${ms(performance.now() - t)} ms  ${Number(rows).toLocaleString('en')} rows`);
  }
} finally {
  db.close();
  for (const f of files) rmSync(f, { force: true });
}
