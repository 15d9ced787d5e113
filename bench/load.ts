// Load generator, run as a child process so its work does not share the server's event loop:
// the dashboard's queries (indicator series, vertical and horizontal comparison, periods)
// at a fixed overall rate against a running server, as a signed-in user (the session cookie is argv[5]). Prints nothing; sends the result over IPC.
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
}

const PATHS = [
  '/api/values?metric=on_time_rate&region=370000&period_type=month&from=2024-06&to=2025-07',
  '/api/compare/horizontal?metric=online_rate&parent=370000&period_type=month&period=2025-05',
  '/api/compare/vertical?metric=handling_days_median&region=370102&period_type=month&from=2024-06&to=2025-07',
  '/api/values?metric=upload_timeliness&region=370100&period_type=quarter&from=2023-Q3&to=2025-Q3',
  '/api/compare/horizontal?metric=on_time_rate&parent=370100&period_type=year&period=2024',
  '/api/periods?period_type=month',
];

const [url, seconds, rate, cookie] = process.argv.slice(2);
const result = await autocannon({
  url,
  headers: { cookie },
  connections: 10,
  duration: Number(seconds),
  overallRate: Number(rate),
  requests: PATHS.map((path) => ({ method: 'GET', path })),
});
const out: LoadResult = {
  requests: result.requests.total,
  rps: result.requests.average,
  p50_ms: result.latency.p50,
  p99_ms: result.latency.p99,
  max_ms: result.latency.max,
  errors: result.errors + result.non2xx,
};
process.send?.(out, () => process.exit(0));
