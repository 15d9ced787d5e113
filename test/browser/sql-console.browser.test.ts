// The SQL console page in real Chromium against a running server: type a query, run it with
// Ctrl+Enter, see the typed result table and the quick chart.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

const QUERY = `SELECT r.name AS city, v.value AS online_rate, v.denominator AS cases
FROM mart_metric_value v JOIN dim_region r ON r.code = v.region_code
WHERE v.metric = 'online_rate' AND v.period_type = 'month' AND v.period = '2025-05' AND r.level = 'city'
ORDER BY r.code`;

describe('SQL console page', () => {
  it('runs a typed query with Ctrl+Enter and shows the table with column types and the chart', async () => {
    const api = await (
      await fetch(`${suite.server.url}/api/sql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) })
    ).json();
    expect(api.data).toHaveLength(16); // the 16 cities of 山东省

    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await page.goto(`${suite.server.url}/?view=sql`);
    const editor = page.locator('textarea[aria-label="SQL 查询"]');
    await editor.fill(QUERY);
    await editor.press('Control+Enter');

    await expect.poll(() => page.locator('[data-testid=sql-status]').textContent(), { timeout: 20_000 }).toMatch(/16 行 · 用时 \d+ ms/);
    const headers = await page.locator('si-sql-result-table th').allTextContents();
    expect(headers).toEqual(['cityVARCHAR', 'online_rateDOUBLE', 'casesDOUBLE']);
    const rows = page.locator('si-sql-result-table tbody tr');
    expect(await rows.count()).toBe(16);
    expect(await rows.first().locator('td').allTextContents()).toEqual([api.data[0].city, String(api.data[0].online_rate), String(api.data[0].cases)]);

    // Quick chart: cities along x, online rate up y, one bar per city.
    const chart = page.locator('si-vega-chart[data-testid=sql-chart][data-rendered]');
    await chart.waitFor({ timeout: 20_000 });
    expect(Number(await chart.getAttribute('data-rows'))).toBe(16);
    expect(await chart.locator('svg .mark-rect path').count()).toBe(16);

    await page.screenshot({ path: join(ARTIFACTS, 'sql-console.png'), fullPage: true });

    // Switching the mark redraws the same data as points.
    await page.selectOption('select[aria-label=图形]', 'point');
    await expect.poll(() => chart.locator('svg .mark-symbol path').count()).toBe(16);

    // A refused statement shows the server's reason, not a broken page.
    await editor.fill('DELETE FROM raw_case');
    await editor.press('Control+Enter');
    await expect.poll(() => page.locator('.error[role=alert]').textContent()).toContain('DELETE statements are not allowed');
    await page.close();
  });

  it('loads an example and keeps a saved query by name', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=sql`);
    await page.getByRole('button', { name: '各市网上办理率排名（最近一个月）' }).click();
    await expect.poll(() => page.locator('[data-testid=sql-status]').textContent(), { timeout: 20_000 }).toMatch(/16 行/);
    await page.fill('input[aria-label=查询名称]', '各市网上办理率');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('button', { name: '已保存' }).click();
    await expect.poll(() => page.getByRole('button', { name: '各市网上办理率', exact: true }).count()).toBe(1);
    const saved = await (await fetch(`${suite.server.url}/api/sql/saved`)).json();
    expect(saved.data.map((s: { name: string }) => s.name)).toEqual(['各市网上办理率']);
    expect(saved.data[0].query).toContain("h.metric = 'online_rate'");
    await page.close();
  });
});
