// The agency view and the evaluation report in real Chromium, and the report's PDF
// turned into page images with pdftoppm.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

interface PeerRow {
  metric: string;
  metric_name: string;
  period: string;
  value: number;
  peer_median: number;
  rank: number;
  peers: number;
}

describe('agency view', () => {
  it('shows the year and each month against the peers’ median, all in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/?view=agency&region=370102&year=2025&metric=online_rate`);
    const annual = await api<PeerRow>('/api/peer-series?region=370102&period_type=year&from=2025&to=2025');
    expect(annual.length).toBeGreaterThanOrEqual(4);
    const rows = page.locator('[data-testid=annual] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(annual.length);
    const online = annual.find((r) => r.metric === 'online_rate')!;
    const cells = await page.locator('[data-testid=annual] tr[data-metric=online_rate] td').allTextContents();
    expect(cells).toEqual(['网上办理率', `${online.value.toFixed(1)}%`, `${online.peer_median.toFixed(1)}%`, expect.stringMatching(/个百分点$/), `${online.rank}/${online.peers}`]);

    // The focused metric month by month, as the API has it for 2025.
    const months = (await api<PeerRow>('/api/peer-series?region=370102&period_type=month&from=2025-01&to=2025-12')).filter((r) => r.metric === 'online_rate');
    expect(await page.locator('[data-testid=focus] tbody td:first-child').allTextContents()).toEqual(months.map((m) => m.period));
    await page.locator('[data-testid=trends] si-vega-chart[data-rendered]').waitFor({ timeout: 20_000 });

    // Choosing another metric is a new URL that opens the same view.
    await page.locator('[data-testid=annual] a', { hasText: '数据上报及时率' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('upload_timeliness');
    await expect.poll(() => page.locator('[data-testid=focus] h2').textContent()).toBe('数据上报及时率 · 逐月与同级中位数');
    await page.screenshot({ path: join(ARTIFACTS, 'agency.png'), fullPage: true });
    await page.close();
  });
});

describe('evaluation report', () => {
  it('renders the eight sections of Appendix B with the year’s results', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}/?view=report&region=370100&year=2025`);
    const frame = page.frameLocator('iframe[title=评价报告预览]');
    await expect.poll(() => frame.locator('h2').allTextContents(), { timeout: 20_000 }).toEqual([
      '一、评价项目', '二、评价依据', '三、评价目的', '四、评价范围', '五、评价过程', '六、评价方法', '七、评价结果', '八、意见建议',
    ]);
    // 评价结果: one row per metric with a 2025 value for 济南市, the value as the API gives it.
    const year = await api<{ metric: string; value: number }>('/api/compare/vertical?metric=on_time_rate&region=370100&period_type=year&from=2025&to=2025');
    const row = frame.locator('[data-section=评价结果] tr[data-metric=on_time_rate]');
    expect(await row.locator('td').nth(2).textContent()).toBe(`${year[0].value.toFixed(1)}%`);
    expect(await frame.locator('[data-section=评价结果] figure svg').count()).toBe(2);
    // 评价过程 lists the three feeds collected; 意见建议 names at least one shortfall or says there is none.
    expect(await frame.locator('[data-section=评价过程] tbody tr').count()).toBe(3);
    expect(await frame.locator('[data-section=意见建议] li, [data-section=意见建议] p').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-page.png') });
    await page.goto(`${server.url}/api/report?region=370100&year=2025`);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
  });

  it('exports a PDF whose pages turn into images', async () => {
    const res = await fetch(`${server.url}/api/report.pdf?region=370100&year=2025`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(ARTIFACTS, 'report-370100-2025.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '40', file, join(ARTIFACTS, 'report-page')]);
    const pngs = readdirSync(ARTIFACTS).filter((f) => /^report-page-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    for (const png of pngs) expect(statSync(join(ARTIFACTS, png)).size).toBeGreaterThan(1000);
  });

  it('answers bad parameters, missing data and a missing Chromium with clear messages', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${server.url}${path}`);
      return [res.status, (await res.json()).error];
    };
    expect(await get('/api/report?region=370100&year=25')).toEqual([400, "parameter 'year' must be a year like 2025; got '25'"]);
    expect(await get('/api/report?year=2025')).toEqual([400, "missing required parameter 'region'"]);
    expect(await get('/api/report?region=370100&year=2019')).toEqual([404, '济南市2019年暂无指标数据']);
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      expect(await get('/api/report.pdf?region=370100&year=2025')).toEqual([503, expect.stringMatching(/^无法导出 PDF：未找到 Chromium（\/nonexistent\/chromium）/)]);
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});
