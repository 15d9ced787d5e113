// The dashboards in real Chromium against one demo server: the agency view, the
// evaluation report and its PDF (turned into page images with pdftoppm), the leadership
// overview's drill-down, a live update after a collector run without reload, and a
// server restart. Tests that change the server's data or state come last.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PIECE_HEIGHT } from '../../report/charts.js';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();

const api = async <T>(path: string): Promise<T[]> => (await (await fetch(`${suite.server.url}${path}`)).json()).data;

/** Points as the dashboard and report write them (components/score-bar.ts formatPoints). */
const points = (v: number) => String(Number(v.toFixed(2)));

interface ScoreRow {
  region_code: string;
  period: string;
  total: number;
  grade: string;
  projected_total: number;
  projected_grade: string;
}

interface LostRow {
  indicator_code: string;
  status: string;
  points_lost: number;
}

/** The indicators that lost points, most first, without the unassessed manual ones. */
const topLost = (rows: LostRow[], n: number) =>
  rows
    .filter((r) => r.status !== 'pending' && r.points_lost > 0)
    .slice(0, n)
    .map((r) => r.indicator_code);

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
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=agency&region=370102&year=2025&metric=online_rate`);
    const annual = await api<PeerRow>('/api/peer-series?region=370102&period_type=year&from=2025&to=2025');
    expect(annual.length).toBeGreaterThanOrEqual(4);
    const rows = page.locator('[data-testid=annual] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(annual.length);
    const online = annual.find((r) => r.metric === 'online_rate')!;
    const cells = await page.locator('[data-testid=annual] tr[data-metric=online_rate] td').allTextContents();
    expect(cells).toEqual([
      '网上办理率',
      `${online.value.toFixed(1)}%`,
      `${online.peer_median.toFixed(1)}%`,
      expect.stringMatching(/个百分点$/),
      `${online.rank}/${online.peers}`,
    ]);

    // The focused metric month by month, as the API has it for 2025.
    const months = (await api<PeerRow>('/api/peer-series?region=370102&period_type=month&from=2025-01&to=2025-12')).filter((r) => r.metric === 'online_rate');
    expect(await page.locator('[data-testid=focus] tbody td:first-child').allTextContents()).toEqual(months.map((m) => m.period));
    await page.locator('[data-testid=trends] si-vega-chart[data-rendered]').waitFor({ timeout: 20_000 });

    // Its open alerts, as the rules in config/default.json raised them after collection.
    const alerts = await api<{ message: string }>('/api/alerts?region=370102&limit=20');
    expect(alerts.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=alerts] si-alert-list li').count()).toBe(alerts.length);
    expect(await page.locator('[data-testid=alerts] si-alert-list li').first().textContent()).toContain(alerts[0].message);

    // Choosing another metric is a new URL that opens the same view.
    await page.locator('[data-testid=annual] a', { hasText: '数据上报及时率' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('upload_timeliness');
    await expect.poll(() => page.locator('[data-testid=focus] h2').textContent()).toBe('数据上报及时率 · 逐月与目标值、同级中位数');
    await page.screenshot({ path: join(ARTIFACTS, 'agency.png'), fullPage: true });
    await page.close();
  });
});

interface KpiRow {
  kpi: string;
  metric: string;
  period: string;
  unit: string;
  numerator: number;
  denominator: number;
  value: number;
}

describe('service KPIs', () => {
  it('shows 历下区 the four of the opening month as /api/service-kpis has them, on a phone without sideways scroll', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=agency&region=370102&year=2025&metric=online_rate`);
    const kpis = await api<KpiRow>('/api/service-kpis?region=370102&period_type=month&period=2025-05');
    // The demo has all four for the month the pages open on: cases, 好差评 and the May report.
    expect(kpis.map((k) => k.metric)).toEqual(['online_rate', 'good_rating_rate', 'completion_rate', 'cost_per_transaction']);
    const panel = page.locator('[data-testid=service-kpis]');
    await expect.poll(() => panel.locator('.kpi').count(), { timeout: 20_000 }).toBe(4);
    expect(await panel.locator('h2').textContent()).toBe('服务关键指标（2025-05）');
    // Every figure grouped by thousands: rates with one decimal, other units with two, counts whole.
    const grouped = (v: number, digits: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    for (const k of kpis) {
      const tile = panel.locator(`.kpi[data-metric=${k.metric}]`);
      expect(await tile.locator('[data-testid=kpi-value]').textContent()).toBe(k.unit === '%' ? `${grouped(k.value, 1)}%` : `${grouped(k.value, 2)} ${k.unit}`);
      expect(await tile.locator('[data-testid=kpi-numerator]').textContent()).toBe(grouped(k.numerator, 0));
      expect(await tile.locator('[data-testid=kpi-denominator]').textContent()).toBe(grouped(k.denominator, 0));
      expect(await tile.textContent()).toContain(k.kpi);
    }
    // The cost per case runs to tens of thousands of 元: written 61,961.54, as its numerator is.
    const cost = kpis.find((k) => k.metric === 'cost_per_transaction')!;
    expect(cost.value).toBeGreaterThan(1000);
    expect(await panel.locator('.kpi[data-metric=cost_per_transaction] [data-testid=kpi-value]').textContent()).toMatch(/^\d{1,3}(,\d{3})+\.\d{2} 元\/件$/);
    // Some cases were withdrawn or rejected: the completion rate is below 100 %.
    const completion = kpis.find((k) => k.metric === 'completion_rate')!;
    expect(completion.numerator).toBeLessThan(completion.denominator);
    // Its downloads are the endpoint's.
    const xlsx = await panel.locator('si-table-export a').first().getAttribute('href');
    expect(xlsx).toContain('/api/service-kpis?');
    expect(xlsx).toContain('period=2025-05');
    expect(xlsx).toContain('format=xlsx');
    await panel.screenshot({ path: join(ARTIFACTS, 'service-kpis-1366.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await panel.screenshot({ path: join(ARTIFACTS, 'service-kpis-390.png') });

    // On a wall, with and without kiosk mode: the four in one row, nothing cut.
    for (const [name, address] of [
      ['1920', page.url()],
      ['kiosk', `${page.url()}&kiosk=1`],
    ]) {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(address);
      await expect.poll(() => panel.locator('.kpi').count(), { timeout: 20_000 }).toBe(4);
      const tops = await panel.locator('.kpi').evaluateAll((tiles) => tiles.map((t) => t.getBoundingClientRect().top));
      expect(new Set(tops).size, `${name}: one row`).toBe(1);
      expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
      await panel.screenshot({ path: join(ARTIFACTS, `service-kpis-${name}.png`) });
    }
    await page.close();
  });
});

describe('agency scores', () => {
  it('the agency view shows the projection', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=agency&region=370102&year=2025&metric=online_rate`);
    // Month by month in 2025, the month's score and the year-end projection as /api/scores has them,
    // the outlook for the month every page opens on (/api/periods: the latest complete one; June
    // is still being collected and reported on 2025-06-15).
    const scores = (await api<ScoreRow>('/api/scores?scheme=standard&region=370102&period_type=month')).filter((s) => s.period.startsWith('2025-'));
    const opening = (await api<{ period: string; is_default: boolean }>('/api/periods?period_type=month')).find((p) => p.is_default)!;
    expect(opening.period).toBe('2025-05');
    const latest = scores.find((s) => s.period === opening.period)!;
    const rows = page.locator('[data-testid=score] tbody tr');
    await expect.poll(() => rows.locator('td:first-child').allTextContents(), { timeout: 20_000 }).toEqual(scores.map((s) => s.period));
    expect(await page.locator('[data-testid=projection]').textContent()).toBe(points(latest.projected_total));
    expect(await page.locator('[data-testid=projected-grade]').textContent()).toBe(latest.projected_grade);
    expect(await page.locator('[data-testid=month-total]').textContent()).toBe(points(latest.total));
    expect(await rows.nth(scores.indexOf(latest)).locator('td').nth(3).textContent()).toBe(points(latest.projected_total));

    // Which indicators would lift the grade most: points lost in the year to date, most first.
    const lost = await api<LostRow>(`/api/scores/indicators?scheme=standard&region=370102&period_type=ytd&period=${latest.period}`);
    const codes = topLost(lost, 10);
    expect(codes.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=lift] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-indicator')))).toEqual(codes);
    const first = lost.find((r) => r.indicator_code === codes[0])!;
    expect(await page.locator('[data-testid=lift] tbody tr').first().locator('[data-testid=points-lost]').textContent()).toBe(points(first.points_lost));

    // The focused metric month by month against the scheme's target.
    const series = await api<{ period: string; target_value: number }>(
      '/api/scores/indicator-series?scheme=standard&region=370102&metric=online_rate&from=2025-01&to=2025-12',
    );
    expect(series.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(`[data-testid=focus] tr[data-period="${series[0].period}"] [data-testid=target]`).textContent())
      .toBe(`${series[0].target_value.toFixed(1)}%`);
    await page.screenshot({ path: join(ARTIFACTS, 'agency-scores.png'), fullPage: true });
    await page.close();
  });
});

describe('one default month', () => {
  it('opens the overview on the latest complete month and marks the incomplete ones', async () => {
    // On 2025-06-15 June is still being collected and its reports are not in: May is the default.
    const months = await api<{ period: string; complete: boolean; is_default: boolean }>('/api/periods?period_type=month');
    expect(months.filter((m) => m.is_default).map((m) => m.period)).toEqual(['2025-05']);
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=overview&region=370000`);
    const select = page.locator('select[aria-label=月份]');
    await expect.poll(() => select.inputValue(), { timeout: 20_000 }).toBe('2025-05');
    expect(await select.locator('option[value="2025-06"]').textContent()).toBe('2025-06（数据未齐）');
    expect(await select.locator('option[value="2025-05"]').textContent()).toBe('2025-05');
    await page.close();
  });
});

describe('one total for a region and year', () => {
  it('is the same on 机构自查 (December’s projection), 绩效评分 and 评价报告', async () => {
    // 2024 (collected from October) is a closed year: its December projection is its year score.
    const [year] = await api<ScoreRow>('/api/scores?scheme=standard&region=370102&period_type=year&period=2024');
    const expected = points(year.total);
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=agency&region=370102&year=2024&metric=online_rate`);
    await expect.poll(() => page.locator('[data-testid=projection]').textContent(), { timeout: 20_000 }).toBe(expected);
    await page.screenshot({ path: join(ARTIFACTS, 'total-agency.png'), fullPage: true });
    await page.goto(`${suite.server.url}/?view=scores&scheme=standard&region=370102&period_type=year&period=2024`);
    await expect.poll(() => page.locator('[data-testid=total]').textContent(), { timeout: 20_000 }).toBe(expected);
    // The bonus is a line of its own under the first-level items.
    await page.locator('[data-testid=bonus-item]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'total-scores.png'), fullPage: true });
    await page.goto(`${suite.server.url}/api/report?region=370102&year=2024&scheme=standard`);
    expect(await page.locator('[data-testid=total]').textContent()).toBe(expected);
    await page.screenshot({ path: join(ARTIFACTS, 'total-report.png'), fullPage: true });
    await page.close();
  });
});

describe('evaluation report', () => {
  it('renders the eight sections of Appendix B with the year’s results', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=report&region=370100&year=2025`);
    const frame = page.frameLocator('iframe[title=评价报告预览]');
    await expect
      .poll(() => frame.locator('h2').allTextContents(), { timeout: 20_000 })
      .toEqual(['一、评价项目', '二、评价依据', '三、评价目的', '四、评价范围', '五、评价过程', '六、评价方法', '七、评价结果', '八、意见建议']);
    // 评价结果: one row per metric with a 2025 value for 济南市, the value as the API gives it.
    const year = await api<{ metric: string; value: number }>('/api/compare/vertical?metric=on_time_rate&region=370100&period_type=year&from=2025&to=2025');
    const row = frame.locator('[data-section=评价结果] tr[data-metric=on_time_rate]');
    expect(await row.locator('td').nth(2).textContent()).toBe(`${year[0].value.toFixed(1)}%`);
    // Its two figures, each in pieces no taller than an A4 page (Figure 1's 60-odd charts take several).
    const figures = frame.locator('[data-section=评价结果] figure');
    expect(await figures.count()).toBe(2);
    const heights = await figures.locator('.piece svg').evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute('height'))));
    expect(heights.length).toBeGreaterThan(2);
    for (const h of heights) expect(h).toBeLessThanOrEqual(PIECE_HEIGHT);
    // The year's total and grade as mart_score_total has them, and the suggestions from the
    // indicators that lost the most points.
    const [score] = await api<ScoreRow>('/api/scores?scheme=standard&region=370100&period_type=year&period=2025');
    expect(await frame.locator('[data-section=评价结果] [data-testid=total]').textContent()).toBe(points(score.total));
    expect(await frame.locator('[data-section=评价结果] [data-testid=grade]').textContent()).toBe(score.grade);
    const lost = await api<LostRow>('/api/scores/indicators?scheme=standard&region=370100&period_type=year&period=2025');
    expect(await frame.locator('[data-section=意见建议] li[data-indicator]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-indicator')))).toEqual(
      topLost(lost, 5),
    );
    const ranking = await api<{ region_code: string; rank: number; peers: number }>(
      '/api/scores/ranking?scheme=standard&parent=370000&period_type=year&period=2025',
    );
    const own = ranking.find((r) => r.region_code === '370100')!;
    expect(await frame.locator('[data-section=评价结果] [data-testid=peers]').textContent()).toContain(`排名第 ${own.rank} / ${own.peers}`);
    // 评价过程 lists every feed collected (cases, reports, uploads, ratings, complaints); 意见建议
    // names at least one shortfall or says there is none.
    const feeds = await api<{ feed: string }>('/api/feeds/health');
    expect(feeds.length).toBe(5);
    expect(await frame.locator('[data-section=评价过程] tbody tr').count()).toBe(feeds.length);
    expect(await frame.locator('[data-section=意见建议] li, [data-section=意见建议] p').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'report-page.png') });
    await page.goto(`${suite.server.url}/api/report?region=370100&year=2025`);
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
  });

  it('exports a PDF whose pages turn into images', async () => {
    const res = await fetch(`${suite.server.url}/api/report.pdf?region=370100&year=2025`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(ARTIFACTS, 'report-370100-2025.pdf');
    writeFileSync(file, pdf);
    const pdfPages = () => readdirSync(ARTIFACTS).filter((f) => /^report-pdf-\d+\.png$/.test(f));
    for (const old of pdfPages()) rmSync(join(ARTIFACTS, old));
    execFileSync('pdftoppm', ['-png', '-r', '40', file, join(ARTIFACTS, 'report-pdf')]);
    const pngs = pdfPages();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pngs).toHaveLength(pages); // one image per page
    for (const png of pngs) expect(statSync(join(ARTIFACTS, png)).size).toBeGreaterThan(1000);
  });

  it('answers bad parameters, missing data and a missing Chromium with clear messages', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${suite.server.url}${path}`);
      return [res.status, (await res.json()).error];
    };
    expect(await get('/api/report?region=370100&year=25')).toEqual([400, "parameter 'year' must be a year like 2025; got '25'"]);
    expect(await get('/api/report?year=2025')).toEqual([400, "missing required parameter 'region'"]);
    expect(await get('/api/report?region=370100&year=2019')).toEqual([404, '济南市2019年暂无指标数据']);
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      expect(await get('/api/report.pdf?region=370100&year=2025')).toEqual([
        503,
        expect.stringMatching(/^无法导出 PDF：未找到 Chromium（\/nonexistent\/chromium）/),
      ]);
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
  });
});

const rankingRows = (page: Page) => page.locator('[data-testid=ranking] si-region-ranking tbody tr');
const crumbs = (page: Page) => page.locator('si-breadcrumbs li').allTextContents();

describe('leadership overview', () => {
  it('opens on the province and drills down two levels and back up', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${suite.server.url}/?period=2025-05&rank=metric`);
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
    // Its counties ranked as the API ranks them, then its development zone apart: ranked among
    // the 功能区 of the province, never among the counties.
    const zones = new Set((await api<{ code: string; kind: string }>('/api/regions')).filter((r) => r.kind === 'zone').map((r) => r.code));
    const children = await api<{ region_code: string; region_name: string }>('/api/compare/horizontal?metric=on_time_rate&parent=370100&period=2025-05');
    const shown = [...children.filter((c) => !zones.has(c.region_code)), ...children.filter((c) => zones.has(c.region_code))];
    await expect.poll(() => rankingRows(page).locator('td:nth-child(2)').allTextContents()).toEqual(shown.map((c) => c.region_name));
    expect(await page.locator('[data-testid=ranking] h3').textContent()).toBe('功能区（在山东省各功能区中排名）');
    const zoneRow = page.locator('si-region-ranking[data-testid=zone-ranking] tbody tr');
    expect(await zoneRow.locator('td:nth-child(2)').allTextContents()).toEqual(['济南高新技术产业开发区']);
    expect(await zoneRow.locator('td:nth-child(1)').textContent()).toMatch(/^\d+\/15$/);
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
    await expect.poll(() => rankingRows(page).count(), { timeout: 10_000 }).toBe(16);
    expect(new URL(page.url()).searchParams.get('region')).toBe('370000');
    await page.close();
  });

  it('opens on the cities ranked by score, in the order of their /api/scores totals', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${suite.server.url}/?period=2025-05`);
    const cities = (await api<{ code: string; parent_code: string }>('/api/regions')).filter((r) => r.parent_code === '370000');
    const totals = await Promise.all(
      cities.map(async (c) => (await api<ScoreRow & { region_name: string }>(`/api/scores?scheme=standard&region=${c.code}&period=2025-05`))[0]),
    );
    totals.sort((a, b) => b.total - a.total || a.region_code.localeCompare(b.region_code));
    await expect.poll(() => rankingRows(page).locator('td:nth-child(2)').allTextContents(), { timeout: 20_000 }).toEqual(totals.map((t) => t.region_name));
    expect(await rankingRows(page).locator('[data-testid=grade]').allTextContents()).toEqual(totals.map((t) => t.grade));
    // The province's own total and grade on the tile beside the headline tiles.
    const [province] = await api<ScoreRow>('/api/scores?scheme=standard&region=370000&period=2025-05');
    await expect.poll(() => page.locator('si-score-tile [data-testid=score-total]').textContent()).toBe(points(province.total));
    expect(await page.locator('si-score-tile [data-testid=score-grade]').textContent()).toBe(province.grade);
    expect(await page.locator('si-score-tile [data-testid=score-projection]').textContent()).toBe(points(province.projected_total));
    await page.screenshot({ path: join(ARTIFACTS, 'overview-scores.png'), fullPage: true });

    // Switching the ranking to the headline metric ranks as /api/compare/horizontal does.
    await page.selectOption('select[aria-label=排名依据]', 'metric');
    await expect.poll(() => new URL(page.url()).searchParams.get('rank')).toBe('metric');
    const byMetric = await api<{ region_name: string }>('/api/compare/horizontal?metric=on_time_rate&parent=370000&period=2025-05');
    await expect.poll(() => rankingRows(page).locator('td:nth-child(2)').allTextContents()).toEqual(byMetric.map((c) => c.region_name));
    await page.close();
  });

  it('shows a collector run without reload, with the time of the update', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${suite.server.url}/?view=overview&region=370000&period=2025-06&metric=online_rate`);
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

    // The simulator's clock moves on to 28 June: more of June's cases arrive.
    const runs = await suite.server.collect(Date.parse('2025-06-28T12:00:00+08:00'));
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
  }, 120_000); // a collector run over the demo source: about 30 s idle, past 60 s on a loaded machine
});

describe('server restart', () => {
  it('says the server is unreachable, then reconnects and reloads by itself', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${suite.server.url}/?view=overview&region=370100&period=2025-05`);
    const status = page.locator('si-live-status [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('实时更新');
    await expect.poll(() => rankingRows(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const stamp = await page.locator('[data-testid=updated-at]').textContent();
    expect(stamp).toMatch(/^更新于 /);
    await page.waitForTimeout(1100); // so the stamp after reconnecting differs

    const api = await suite.server.stopApi();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('与服务器的连接已断开，正在重连…');
    // Changing the view while the server is down says so in Chinese.
    await page.selectOption('select[aria-label=月份]', '2025-04');
    await expect.poll(() => page.locator('.error[role=alert]').textContent(), { timeout: 10_000 }).toBe('无法连接服务器，请检查网络或稍后重试');
    expect(await rankingRows(page).count()).toBeGreaterThan(0); // what was loaded stays on screen
    await page.screenshot({ path: join(ARTIFACTS, 'overview-server-down.png') });

    await api.start();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('实时更新');
    await expect.poll(() => page.locator('.error[role=alert]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('[data-testid=updated-at]').textContent()).not.toBe(stamp);
    await page.close();
  });
});
