// What a page costs to load: the shell and the page's own chunk, brotli-compressed and cached
// for a year; Vega only on a page that draws a chart; the console's code (CodeMirror-free
// today, but Arrow) only on the console page.
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

/** Every script the page loads while opening `view`, with its headers and compressed size. */
async function scriptsOf(page: Page, view: string): Promise<{ url: string; headers: Record<string, string>; bytes: number }[]> {
  const seen: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === 'script') seen.push(r);
  };
  page.on('response', onResponse);
  await page.goto(`${suite.server.url}/?view=${view}`);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return Promise.all(seen.map(async (r) => ({ url: r.url(), headers: await r.allHeaders(), bytes: (await r.request().sizes()).responseBodySize })));
}

describe('page transport', () => {
  it('loads only what a page draws, compressed and long-cached', async () => {
    const page = await suite.browser.newPage({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
    const collectors = await scriptsOf(page, 'collectors');
    // 数据采集 draws no chart: neither Vega nor the console's Arrow reader is fetched.
    expect(collectors.some((s) => /\/embed-/.test(s.url))).toBe(false);
    expect(collectors.some((s) => /\/sql-page-/.test(s.url))).toBe(false);
    expect(collectors.some((s) => /\/collectors-page-/.test(s.url))).toBe(true);
    for (const s of collectors) {
      expect(s.headers['content-encoding'], s.url).toBe('br');
      expect(s.headers['cache-control'], s.url).toBe('public, max-age=31536000, immutable');
    }
    // Under 60 kB compressed for the shell, Lit and the page (the single bundle was 1.15 MB raw).
    expect(collectors.reduce((n, s) => n + s.bytes, 0)).toBeLessThan(60_000);

    const overview = await scriptsOf(page, 'overview');
    expect(overview.some((s) => /\/embed-/.test(s.url))).toBe(true);
    expect(overview.some((s) => /\/sql-page-/.test(s.url))).toBe(false);
    await page.close();
  });
});
