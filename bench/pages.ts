// `npm run pages [-- --url http://localhost:8787 --runs 3]`: what each dashboard page costs a
// phone on a slow network, measured in Debian's Chromium against a running `npm start`.
// Per page, from a cold cache: bytes transferred (compressed, as on the wire), requests, first
// contentful paint and cumulative layout shift, the median of --runs loads. The network is
// WebPageTest's "3G Slow" profile: 400 kbit/s down and up, 400 ms round trip. Each load is signed
// in first (default: the demo's administrator), its session cookie set before the page opens.
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../core/chromium.js';
import { SESSION_COOKIE } from '../contracts/access.js';

const USAGE = 'usage: npm run pages -- [--url http://localhost:8787] [--runs 3] [--login admin --password admin-demo]';
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const PAGES: [string, string][] = [
  ['全省概览', 'overview'],
  ['指标监测', 'monitor'],
  ['机构自查', 'agency'],
  ['绩效评分', 'scores'],
  ['评价报告', 'report'],
  ['SQL 查询', 'sql'],
  ['数据采集', 'collectors'],
  ['指标词典', 'dictionary'],
  ['审计日志', 'audit'],
];
const TARGETS = { fcpMs: 2500, cls: 0.1 };

interface Load {
  bytes: number;
  requests: number;
  fcpMs: number;
  cls: number;
}

/** The session cookie of a sign-in, as the login page would get it. */
async function signIn(base: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`cannot sign in as ${login} at ${base}: ${(await res.json().catch(() => null))?.error ?? res.status}\n${USAGE}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1];
}

async function load(browser: Browser, url: string, session: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  await context.addCookies([{ name: SESSION_COOKIE, value: session, url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  // Layout shifts from the first paint on, as the Web Vitals library counts them (no input here).
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!e.hadRecentInput) w.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 180_000 });
  await page.waitForTimeout(1000);
  const measured = await page.evaluate(() => ({
    fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    cls: (window as unknown as { cls: number }).cls,
  }));
  await context.close();
  return { bytes, requests, ...measured };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:8787' },
      runs: { type: 'string', default: '3' },
      login: { type: 'string', default: 'admin' },
      password: { type: 'string', default: 'admin-demo' },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number\n${USAGE}`);
  const base = values.url.replace(/\/$/, '');
  const health = await fetch(`${base}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`no server answers at ${base} (start it with npm start)\n${USAGE}`);
  const session = await signIn(base, values.login, values.password);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  console.log(`| page | KB transferred | requests | FCP ms (target < ${TARGETS.fcpMs}) | layout shift (target < ${TARGETS.cls}) |`);
  console.log('| --- | --- | --- | --- | --- |');
  try {
    for (const [label, view] of PAGES) {
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await load(browser, `${base}/?view=${view}`, session));
      const fcp = median(loads.map((l) => l.fcpMs));
      const cls = median(loads.map((l) => l.cls));
      const mark = (ok: boolean) => (ok ? '' : ' ✗');
      console.log(
        `| ${label} | ${(median(loads.map((l) => l.bytes)) / 1024).toFixed(0)} | ${median(loads.map((l) => l.requests))} | ${fcp.toFixed(0)}${mark(fcp < TARGETS.fcpMs)} | ${cls.toFixed(3)}${mark(cls < TARGETS.cls)} |`,
      );
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(2);
});
