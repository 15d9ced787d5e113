// The leadership overview in real Chromium: drill down province → city → county and
// back, and a live update after a collector run, without reload.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser } from './support/browser.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const api = async <T>(path: string): Promise<T[]> => (await (await fetch(`${server.url}${path}`)).json()).data;
const rankingRows = (page: Page) => page.locator('[data-testid=ranking] si-region-ranking tbody tr');
const crumbs = (page: Page) => page.locator('si-breadcrumbs li').allTextContents();

describe('leadership overview', () => {
  it('opens on the province and drills down two levels and back up', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/?period=2025-05`);
    // The 16 cities of 山东省, ranked as the API ranks them.
    const cities = await api<{ region_name: string }>('/api/compare/horizontal?metric=on_time_rate&parent=370000&period=2025-05');
    expect(cities).toHaveLength(16);
    await expect.poll(() => rankingRows(page).count(), { timeout: 20_000 }).toBe(16);
    expect(await rankingRows(page).locator('td:nth-child(2)').allTextContents()).toEqual(cities.map((c) => c.region_name));
    expect(await crumbs(page)).toEqual(['山东省']);
    await page.locator('[data-testid=heatmap] si-vega-chart[data-rendered]').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'overview-province.png'), fullPage: true });

    // Province → 济南市: its counties, by keyboard (focus the link, press Enter).
    await page.locator('si-region-ranking a', { hasText: '济南市' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('370100');
    const counties = await api<{ region_name: string }>('/api/compare/horizontal?metric=on_time_rate&parent=370100&period=2025-05');
    await expect.poll(() => rankingRows(page).locator('td:nth-child(2)').allTextContents()).toEqual(counties.map((c) => c.region_name));
    expect(await crumbs(page)).toEqual(['山东省', '济南市']);

    // 济南市 → 历下区 (a county: shown among its siblings, highlighted).
    await page.locator('si-region-ranking a', { hasText: '历下区' }).click();
    await expect.poll(() => crumbs(page)).toEqual(['山东省', '济南市', '历下区']);
    await expect.poll(() => page.locator('si-region-ranking tr.highlight td:nth-child(2)').textContent()).toBe('历下区');
    const tile = await api<{ value: number }>('/api/values?metric=on_time_rate&region=370102&from=2025-05&to=2025-05');
    await expect.poll(() => page.locator('si-kpi-tile[data-metric=on_time_rate] [data-testid=kpi-value]').textContent()).toBe(`${tile[0].value.toFixed(1)}%`);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-county.png'), fullPage: true });

    // Back up: the browser's back button to the city, the breadcrumb to the province.
    await page.goBack();
    await expect.poll(() => crumbs(page)).toEqual(['山东省', '济南市']);
    await page.locator('si-breadcrumbs a', { hasText: '山东省' }).click();
    await expect.poll(() => crumbs(page)).toEqual(['山东省']);
    await expect.poll(() => rankingRows(page).count()).toBe(16);
    expect(new URL(page.url()).searchParams.get('region')).toBe('370000');
    await page.close();
  });

  it('shows a collector run without reload, with the time of the update', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/?view=overview&region=370000&period=2025-06&metric=online_rate`);
    const tile = page.locator('si-kpi-tile[data-metric=online_rate] [data-testid=kpi-value]');
    const updated = page.locator('[data-testid=updated-at]');
    const june = async () => (await api<{ value: number }>('/api/values?metric=online_rate&region=370000&from=2025-06&to=2025-06'))[0].value;
    const before = await june();
    await expect.poll(() => tile.textContent(), { timeout: 20_000 }).toBe(`${before.toFixed(1)}%`);
    await expect.poll(() => page.locator('si-live-status .open').count()).toBe(1);
    const stamp = await updated.textContent();
    expect(stamp).toMatch(/^更新于 \d\d:\d\d:\d\d$/);
    await page.waitForTimeout(1100); // so the new stamp differs by at least a second
    await page.evaluate(() => ((window as unknown as { reloaded: boolean }).reloaded = false));

    // The simulator's clock moves on a month: the rest of June's cases arrive.
    const runs = await server.collect(Date.parse('2025-07-20T12:00:00+08:00'));
    expect(runs.every((r) => r.status === 'ok')).toBe(true);
    const landed = Date.now();
    const after = await june();
    expect(after.toFixed(1)).not.toBe(before.toFixed(1));
    await expect.poll(() => tile.textContent(), { timeout: 5000, interval: 50 }).toBe(`${after.toFixed(1)}%`);
    const took = Date.now() - landed;
    expect(await updated.textContent()).not.toBe(stamp);
    expect(await updated.textContent()).toMatch(/^更新于 \d\d:\d\d:\d\d$/);
    expect(await page.evaluate(() => (window as unknown as { reloaded: boolean }).reloaded)).toBe(false); // same document: no reload
    expect(took).toBeLessThan(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-live-update.png'), fullPage: true });
    await page.close();
  });
});

describe('server restart', () => {
  it('says the server is unreachable, then reconnects and reloads by itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${server.url}/?view=overview&region=370100&period=2025-05`);
    const status = page.locator('si-live-status [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('实时更新');
    const stamp = await page.locator('[data-testid=updated-at]').textContent();

    const api = await server.stopApi();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('与服务器的连接已断开，正在重连…');
    // Changing the view while the server is down says so in Chinese.
    await page.selectOption('select[aria-label=月份]', '2025-04');
    await expect.poll(() => page.locator('.error[role=alert]').textContent(), { timeout: 10_000 }).toBe('无法连接服务器，请检查网络或稍后重试');
    await page.screenshot({ path: join(ARTIFACTS, 'overview-server-down.png') });

    await api.start();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('实时更新');
    await expect.poll(() => page.locator('.error[role=alert]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[data-testid=updated-at]').textContent()).not.toBe(stamp);
    await page.close();
  });
});
