// Load generator, run as a child process so its work does not share the server's event loop:
// the pages' request mix (bench/page-mix.ts) at a fixed overall rate against a running server
// as a signed-in user (the session cookie is argv[5]), and at the same time a light load on the
// server's cheapest route, /api/health, whose p99 says what the machine alone costs a request
// then. The pages' URLs are each requested once first (not measured). Prints nothing; sends the
// result over IPC.
import autocannon, { type Result } from 'autocannon';
import type { QueryOf, RowOf, TablePath } from '../contracts/endpoints.js';
import { tableUrl } from '../contracts/urls.js';
import { pageVisits, requestMix, requestsPerPage, type Visit } from './page-mix.js';

export interface Latency {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
}

export interface LoadResult {
  /** The pages' requests. */
  mix: Latency;
  distinct_urls: number;
  per_page: Record<Visit['page'], number>;
  /** /api/health, loaded alongside. */
  health: Latency;
}

/** Requests per second on /api/health beside the mix: enough for a p99, little added load. */
const HEALTH_RATE = 20;
/** What Chromium sends: the pages' answers travel compressed, as they do to every browser. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

const [url, seconds, rate, cookie] = process.argv.slice(2);

async function rows<P extends TablePath>(path: P, params: QueryOf<P>): Promise<RowOf<P>[]> {
  const res = await fetch(`${url}${tableUrl(path, params)}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: RowOf<P>[] }).data;
}

function latency(result: Result): Latency {
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors + result.non2xx,
  };
}

const [regions, metrics, catalogue, months] = await Promise.all([
  rows('/api/regions', {}),
  rows('/api/metrics', {}),
  rows('/api/catalogue', {}),
  rows('/api/periods', { period_type: 'month' }),
]);
const visits = pageVisits({ regions, metrics, catalogue, months });
const paths = requestMix(visits);
// Each URL once before the measured window, as users would have opened the pages since the
// server started: the read cache then holds the pages' panels, and every refresh rewarms them.
const distinct = [...new Set(paths)];
for (let i = 0; i < distinct.length; i += 4)
  await Promise.all(
    distinct.slice(i, i + 4).map(async (path) => (await fetch(`${url}${path}`, { headers: { cookie, 'accept-encoding': BROWSER_ENCODINGS } })).arrayBuffer()),
  );
const load = (paths: string[], overallRate: number, connections: number, headers: Record<string, string>) =>
  autocannon({
    url,
    headers,
    connections,
    duration: Number(seconds),
    overallRate,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
// /api/health as any client reaches it: no session to look up.
const [mix, health] = await Promise.all([
  load(paths, Number(rate), 10, { cookie, 'accept-encoding': BROWSER_ENCODINGS }),
  load(['/api/health'], HEALTH_RATE, 1, {}),
]);
const out: LoadResult = { mix: latency(mix), distinct_urls: new Set(paths).size, per_page: requestsPerPage(visits), health: latency(health) };
process.send?.(out, () => process.exit(0));
