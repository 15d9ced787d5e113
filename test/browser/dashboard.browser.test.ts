// The dashboard in real Chromium against a running server: charts render with data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

describe('monitoring dashboard', () => {
  it('renders the trend and the peer ranking with data, and KPI tiles with values', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=monitor&metric=on_time_rate&region=370100&period=2025-05`);
    const trend = page.locator('[data-testid=trend] si-vega-chart[data-rendered]');
    const ranking = page.locator('[data-testid=ranking] si-vega-chart[data-rendered]');
    await trend.waitFor({ timeout: 20_000 });
    await ranking.waitFor({ timeout: 20_000 });

    // Trend: every month the API has for 济南市 in the 24 months to May; ranking: the 16 cities of 山东省.
    const months = await (await fetch(`${suite.server.url}/api/compare/vertical?metric=on_time_rate&region=370100&from=2023-06&to=2025-05`)).json();
    expect(months.data.length).toBeGreaterThanOrEqual(5);
    expect(Number(await trend.getAttribute('data-rows'))).toBe(months.data.length);
    expect(Number(await ranking.getAttribute('data-rows'))).toBe(16);
    expect(await page.locator('[data-testid=trend] svg path.mark-line, [data-testid=trend] svg .mark-line path').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=ranking] svg .mark-rect path').count()).toBe(16);

    // KPI tiles show the same value the API gives for 济南市 in May.
    const api = await (await fetch(`${suite.server.url}/api/values?metric=on_time_rate&region=370100&from=2025-05&to=2025-05`)).json();
    const tile = page.locator('si-kpi-tile').first().locator('[data-testid=kpi-value]');
    await expect.poll(() => tile.textContent()).toBe(`${api.data[0].value.toFixed(1)}%`);

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-monitoring.png'), fullPage: true });
    await page.close();
  });

  it('runs under its Content-Security-Policy on every page and cannot be framed', async () => {
    const page = await suite.browser.newPage();
    // Every violation the page reports, from before its first script runs.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${suite.server.url}/?view=monitor&metric=on_time_rate&region=370100&period=2025-05`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.locator('[data-testid=trend] si-vega-chart[data-rendered]').waitFor({ timeout: 20_000 });
    for (const view of ['overview', 'score', 'report&region=370100&year=2025', 'collectors', 'sql']) {
      await page.goto(`${suite.server.url}/?view=${view}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${suite.server.url}/?view=overview`);
    await page.locator('si-vega-chart[data-rendered]').first().waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);

    // A page elsewhere framing the import page gets nothing of it.
    await page.setContent(`<iframe src="${suite.server.url}/?view=score"></iframe>`);
    const frame = page.frames()[1];
    await frame.waitForLoadState().catch(() => undefined);
    expect(await frame.locator('si-app').count()).toBe(0);
    await page.close();
  });

  it('keeps the selection in the URL', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.server.url}/?view=monitor&metric=online_rate&region=370102&period=2025-04`);
    await page.locator('[data-testid=trend] si-vega-chart[data-rendered]').waitFor({ timeout: 20_000 });
    await page.selectOption('select[aria-label=指标]', 'upload_timeliness');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('upload_timeliness');
    await page.close();
  });
});
