// What a page costs in round trips, counted in real Chromium: the /api/ requests each of the
// overview, agency and score pages makes for its data (not the session, the reference data
// every page reads once — regions, metrics, catalogue, periods, schemes — nor the live-event
// stream), on opening and on a change of selection. Target (issue 17): one or two per page. The
// counts are what bench/page-mix.ts loads per page and what the README quotes.
import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import { ARTIFACTS, launchBrowser } from '../support/browser.js';
import { collectedFixture } from '../support/collect.js';
import { listen } from '../support/demo-server.js';
import { cases, upload } from '../support/jinan-fixture.js';

const NOT_DATA = /^\/api\/(auth\/[a-z-]+|events|regions|metrics|catalogue|periods|schemes)(\?|$)/;

let fixture: Awaited<ReturnType<typeof collectedFixture>>;
let api: { server: ServerType; url: string };
let browser: Browser;

beforeAll(async () => {
  fixture = await collectedFixture({ cases, uploads: [upload(null)] });
  api = await listen((await signedInApp(fixture.db)).fetch);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => api?.server.close(r));
  await fixture?.close();
});

/** A page whose data requests (paths with their queries) are recorded as they are sent. */
async function recorded(): Promise<{ page: Page; data: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
  const data: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/api/') && !NOT_DATA.test(`${url.pathname}${url.search}`)) data.push(`${url.pathname}${url.search}`);
  });
  return { page, data };
}

const paths = (data: string[]) => data.map((u) => u.split('?')[0]);

describe('a page costs one or two requests', () => {
  it('overview: one on opening (province and a city), one more for another metric', async () => {
    const { page, data } = await recorded();
    await page.goto(`${api.url}/?view=overview&region=370100&period=2025-03`);
    await page.locator('[data-testid=division-ranking]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(paths(data)).toEqual(['/api/pages/overview']);
    await page.locator('select[aria-label=指标]').selectOption('online_rate');
    await expect.poll(() => paths(data)).toEqual(['/api/pages/overview', '/api/pages/overview']);
    await page.waitForLoadState('networkidle');
    expect(new URLSearchParams(data[1].split('?')[1]).get('metric')).toBe('online_rate');
    await page.screenshot({ path: join(ARTIFACTS, 'overview-one-request.png'), fullPage: true });
    await page.goto(`${api.url}/?view=overview`);
    await page.locator('[data-testid=division-ranking]').waitFor();
    await page.waitForLoadState('networkidle');
    // The province, opened afresh: one more.
    expect(paths(data)).toEqual(Array(3).fill('/api/pages/overview'));
    expect(new URLSearchParams(data.at(-1)!.split('?')[1]).get('region')).toBe('370000');
    await page.close();
  });

  it('agency: two (the year, the focused metric), one more for another metric', async () => {
    const { page, data } = await recorded();
    await page.goto(`${api.url}/?view=agency&region=370102&year=2025`);
    await page.locator('[data-testid=annual] tr[data-metric]').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(paths(data).sort()).toEqual(['/api/pages/agency', '/api/scores/indicator-series']);
    await page.locator('[data-testid=annual] tr[data-metric=online_rate] a').click();
    await expect.poll(() => paths(data).length).toBe(3);
    expect(paths(data)[2]).toBe('/api/scores/indicator-series');
    await page.close();
  });

  it('scores: one, and none to drill down', async () => {
    const { page, data } = await recorded();
    await page.goto(`${api.url}/?view=scores&region=370102&period_type=month&period=2025-03`);
    await page.locator('[data-testid=p1-item]').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(paths(data)).toEqual(['/api/pages/scores']);
    await page.locator('[data-testid=p1-item]').first().click();
    await page.locator('[data-testid=p2-item]').first().waitFor();
    expect(paths(data)).toEqual(['/api/pages/scores']);
    await page.close();
  });
});
