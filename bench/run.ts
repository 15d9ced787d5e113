// `npm run bench [-- --sizes 1e6,1e7 --batch 100000 --load-seconds 15 --rate 200]`:
// runs each size in its own process (see size.ts), shows progress, prints one table.
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../core/paths.js';
import { forkScript } from './fork.js';
import type { LoadResult } from './load.js';
import type { SizeMessage, SizeOptions, SizeResult } from './size.js';

const API_TARGET = { p99Ms: 50, healthRatio: 3, rate: 200 };
/** The share of the target rate the load must reach for its latencies to judge the target:
 * autocannon sends each connection's share of a second back to back, so a server answering
 * too slowly is offered fewer requests, not made to queue them. */
const RATE_REACHED = 0.95;
/** Issue 17's ingest targets, cases/s: through the collector's record path, and the bulk path. */
const INGEST_TARGET = { record: 300_000, bulk: 1_000_000 };
/** Issue 17's freshness (s, from a month landed to every value current) and peak RSS (bytes) targets by size. */
const SIZE_TARGET: Record<number, { refreshS: number; rssBytes: number }> = {
  1e7: { refreshS: 2, rssBytes: 2 * 2 ** 30 },
  1e8: { refreshS: 5, rssBytes: 4 * 2 ** 30 },
};

const USAGE =
  'usage: npm run bench -- [--sizes 1e6,1e7[,1e8]] [--batch 100000] [--load-seconds 15] [--rate 200] [--dir data/bench] [--port 8770] [--memory-limit 4GB]';

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || !Number.isInteger(n))
    throw new Error(`--${name} must be a positive whole number, got ${JSON.stringify(text)}\n${USAGE}`);
  return n;
}

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1e6,1e7' },
      batch: { type: 'string', default: '100000' },
      'load-seconds': { type: 'string', default: '15' },
      rate: { type: 'string', default: '200' },
      dir: { type: 'string', default: 'data/bench' },
      port: { type: 'string', default: '8770' },
      'memory-limit': { type: 'string', default: '4GB' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => positive('sizes', s.trim()));
  if (sizes.some((s) => s < 100_000)) throw new Error(`--sizes: each size must be at least 1e5 cases\n${USAGE}`);
  const dir = resolve(ROOT, values.dir);
  mkdirSync(dir, { recursive: true });
  return {
    sizes,
    base: {
      dir,
      batch: positive('batch', values.batch),
      loadSeconds: positive('load-seconds', values['load-seconds']),
      rate: positive('rate', values.rate),
      port: positive('port', values.port),
      memoryLimit: values['memory-limit'],
    },
  };
}

function runSize(o: SizeOptions, started: number): Promise<SizeResult> {
  const child = forkScript('size.ts', [JSON.stringify(o)]);
  return new Promise((res, rej) => {
    child.on('message', (m: SizeMessage) => {
      const at = `${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s`;
      if ('progress' in m) console.log(`[${at}] ${fmtCases(o.cases)}: ${m.progress}`);
      else if ('result' in m) res(m.result);
      else rej(new Error(m.error));
    });
    child.once('exit', (code) => (code ? rej(new Error(`size ${o.cases} exited with code ${code}`)) : undefined));
  });
}

/** The mix's p99 over /api/health's in the same run (health at 1 ms when it shows 0). */
const healthRatio = (api: LoadResult) => api.mix.p99_ms / Math.max(api.health.p99_ms, 1);

/** The API targets of issue 17, met or not, per size. */
function apiTargets(results: SizeResult[]): string[] {
  return results.map(({ cases, api }) => {
    const reached = api.mix.rps >= RATE_REACHED * API_TARGET.rate;
    const under = reached && api.mix.p99_ms < API_TARGET.p99Ms;
    const near = reached && healthRatio(api) <= API_TARGET.healthRatio;
    const rate = `${Math.round(api.mix.rps)} req/s answered of ${API_TARGET.rate} ${reached ? 'reached' : 'MISSED (latencies at a lower rate do not meet the targets)'}`;
    return `${fmtCases(cases)}: ${rate}; p99 ${api.mix.p99_ms} ms ${under ? 'met' : 'MISSED'} (< ${API_TARGET.p99Ms} ms); ${healthRatio(api).toFixed(1)} × /api/health's p99 ${near ? 'met' : 'MISSED'} (≤ ${API_TARGET.healthRatio} ×)`;
  });
}

/** The ingest targets, met or not, per size, each beside DuckDB's own Parquet load. */
function ingestTargets(results: SizeResult[]): string[] {
  const rate = (n: number) => Math.round(n).toLocaleString('en');
  const met = (n: number, target: number) => `${rate(n)}/s ${n >= target ? 'met' : 'MISSED'} (≥ ${rate(target)}/s)`;
  return results.map(
    (r) =>
      `${fmtCases(r.cases)}: record path ${met(r.ingest_rows_per_s, INGEST_TARGET.record)}, ${ratio(r.ingest_rows_per_s, r)} of DuckDB's Parquet load (${rate(r.parquet_rows_per_s)}/s); bulk path ${met(r.bulk_rows_per_s, INGEST_TARGET.bulk)}, ${ratio(r.bulk_rows_per_s, r)}`,
  );
}

/** The freshness and memory targets, met or not, for the sizes that have them. */
function sizeTargets(results: SizeResult[]): string[] {
  return results.flatMap((r) => {
    const target = SIZE_TARGET[r.cases];
    if (!target) return [];
    const fresh = r.refresh_s <= target.refreshS;
    const small = r.peak_rss_bytes < target.rssBytes;
    return [
      `${fmtCases(r.cases)}: refresh ${r.refresh_s.toFixed(2)} s ${fresh ? 'met' : 'MISSED'} (≤ ${target.refreshS} s, ${r.refreshes} refresh(es) for the three feeds); peak RSS ${mib(r.peak_rss_bytes)} ${small ? 'met' : 'MISSED'} (< ${mib(target.rssBytes)}; the JS heap ${mib(r.peak_heap_bytes)} of it at its peak)`,
    ];
  });
}

/** A path's rows/s over DuckDB's own Parquet load of the bulk path's files in the same run. */
const ratio = (rowsPerS: number, r: SizeResult) => `${((100 * rowsPerS) / r.parquet_rows_per_s).toFixed(0)} %`;

const fmtCases = (n: number) => (Math.log10(n) % 1 === 0 ? `10^${Math.log10(n)}` : n.toLocaleString('en'));
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function table(results: SizeResult[]): string {
  const head = [
    'cases',
    'history gen s',
    'ingest rows',
    'ingest rows/s',
    'batch',
    'refresh s',
    'refreshes',
    'full refresh s',
    'API req/s',
    'URLs',
    'p50 ms',
    'p99 ms',
    'health p99 ms',
    'p99 ÷ health',
    'errors',
    'rows written under load',
    'bulk rows/s',
    'Parquet load rows/s',
    'ingest ÷ Parquet',
    'bulk ÷ Parquet',
    'peak RSS',
    'DB file',
  ];
  const rows = results.map((r) => [
    fmtCases(r.cases),
    r.history_s.toFixed(0),
    r.ingest_rows.toLocaleString('en'),
    Math.round(r.ingest_rows_per_s).toLocaleString('en'),
    r.batch.toLocaleString('en'),
    r.refresh_s.toFixed(2),
    String(r.refreshes),
    r.full_refresh_s.toFixed(2),
    r.api.mix.rps.toFixed(0),
    String(r.api.distinct_urls),
    String(r.api.mix.p50_ms),
    String(r.api.mix.p99_ms),
    String(r.api.health.p99_ms),
    healthRatio(r.api).toFixed(1),
    String(r.api.mix.errors + r.api.health.errors),
    r.rows_during_load.toLocaleString('en'),
    Math.round(r.bulk_rows_per_s).toLocaleString('en'),
    Math.round(r.parquet_rows_per_s).toLocaleString('en'),
    ratio(r.ingest_rows_per_s, r),
    ratio(r.bulk_rows_per_s, r),
    mib(r.peak_rss_bytes),
    mib(r.db_bytes),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const { sizes, base } = options();
  console.log(
    `bench: sizes ${sizes.map(fmtCases).join(', ')}; ${cpus().length} cores, ${mib(totalmem())} RAM, Node ${process.versions.node}, DuckDB memory_limit ${base.memoryLimit}`,
  );
  const started = performance.now();
  const results: SizeResult[] = [];
  for (const cases of sizes) {
    results.push(await runSize({ ...base, cases }, started));
    // The machine may be shared: the load average says how much of it the figures had.
    console.log(
      `${fmtCases(cases)} done; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (1, 5, 15 min)`,
    );
  }
  console.log(
    `\n${new Date().toISOString().slice(0, 10)}, ingest = a new month through the cases collector (validate, stage, cases.prepare.sql, cases.apply.sql) in batches of the given size;`,
  );
  console.log(`refresh = the month's cases, reports and uploads landing side by side (as at start-up), from the last page landed to every indicator and score of the periods they changed current, refreshes = how many refreshes that took; full refresh = every period; bulk = a month of cases read from Parquet files of 10^6 cases into the stage, then the same prepare and apply scripts; Parquet load = DuckDB's own INSERT of the same files into an empty table shaped like raw_case, nothing else;
 API = ${base.rate} req/s of the requests the overview, agency and score pages make (URLs: distinct ones) for ${base.loadSeconds} s while the collector writes, /api/health loaded alongside.\n`);
  console.log(table(results));
  const cost = results[0]?.api.per_page;
  if (cost)
    console.log(
      `\na page costs: overview ${cost.overview} request(s), agency ${cost.agency}, scores ${cost.scores} (its data; reference data and the session once per visit)`,
    );
  for (const line of [...apiTargets(results), ...ingestTargets(results), ...sizeTargets(results)]) console.log(line);
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exit(1);
});
