// A panel's states told apart (loading, empty, failed, stale after a failed reload) with the
// API made to fail or wait in the browser (playwright routes); a panel's downloads: the XLSX
// opened with exceljs and the CSV read back, cell by cell against the endpoint's JSON; the
// scheme's target and floor (SQL's, from /api/scores/indicators) on the tiles and as rule lines
// on the charts, every mark named in a legend.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { itemsOf } from '../../contracts/regions.js';
import type { CatalogueRow, MetricRow } from '../../contracts/rows.js';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();
const OVERVIEW = '/?view=overview&region=370000&metric=on_time_rate&period=2025-05';

describe('panel states', () => {
  it('a failed reload greys the earlier figures under 数据已过期, never shows them as the new month’s', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}${OVERVIEW}`);
    const ranking = page.locator('[data-testid=ranking]');
    await ranking.locator('si-region-ranking').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-state=stale]').count()).toBe(0);

    await page.route('**/api/**', (route) => route.abort());
    await page.selectOption('select[aria-label=月份]', '2025-04');
    // The title names the month chosen; the figures under it say they are not that month's.
    await expect.poll(() => ranking.locator('h2').textContent()).toContain('2025-04');
    await expect.poll(() => ranking.locator('[data-state=stale]').textContent()).toContain('数据已过期');
    expect(await ranking.locator('.stale-body si-region-ranking').count()).toBeGreaterThan(0);
    for (const panel of ['heatmap', 'alerts', 'movers', 'multiples']) {
      expect(await page.locator(`[data-testid=${panel}] [data-state=stale]`).count(), panel).toBe(1);
    }
    // The tiles too, and the reason above the page.
    expect(await page.locator('si-overview-page [data-state=stale]').count()).toBe(6); // the tiles and 5 panels
    expect(await page.locator('si-overview-page .error[role=alert]').textContent()).toContain('无法连接服务器');
    await page.screenshot({ path: join(ARTIFACTS, 'panel-stale.png'), fullPage: true });
    await page.close();
  });

  it('a first load that fails says 加载失败, one on its way says 正在加载, none found says so', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The overview's one request (GET /api/pages/overview) waits, then comes back with no
    // alerts; on the second page it fails.
    await page.route('**/api/pages/overview?*', async (route) => {
      await held;
      const body = await (await route.fetch()).json();
      await route.fulfill({ json: { ...body, alerts: [] } });
    });
    await page.goto(`${suite.server.url}${OVERVIEW}`);
    const alerts = page.locator('[data-testid=alerts]');
    await expect.poll(() => alerts.locator('[data-state=loading]').textContent(), { timeout: 20_000 }).toContain('正在加载');
    release();
    await expect.poll(() => alerts.locator('[data-state=empty]').textContent(), { timeout: 20_000 }).toContain('当前没有未解除的预警');
    expect(await alerts.locator('[data-state=loading]').count()).toBe(0);

    // A page whose first load fails: 加载失败 where the figures would be, nothing left loading.
    const fresh = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await fresh.route('**/api/pages/overview?*', (route) => route.abort());
    await fresh.goto(`${suite.server.url}${OVERVIEW}`);
    const heat = fresh.locator('[data-testid=heatmap]');
    await expect.poll(() => heat.locator('[data-state=failed]').textContent(), { timeout: 20_000 }).toContain('加载失败');
    expect(await fresh.locator('[data-state=loading]').count()).toBe(0);
    await page.close();
    await fresh.close();
  });
});

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return book.worksheets[0];
}

describe('panel downloads', () => {
  it('the heat map’s XLSX and CSV hold the rows it was drawn from', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.goto(`${suite.server.url}${OVERVIEW}`);
    const panel = page.locator('[data-testid=heatmap]');
    await panel.locator('si-vega-chart[data-rendered]').waitFor({ timeout: 30_000 });
    const link = panel.locator('si-table-export a', { hasText: 'XLSX' });
    const href = (await link.getAttribute('href'))!;
    const url = new URL(href, suite.server.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ metric: 'on_time_rate', parent: '370000', from: '2024-06', to: '2025-05', format: 'xlsx' });
    url.searchParams.delete('format');
    const json = (await (await fetch(url)).json()) as { columns: { name: string }[]; data: Record<string, unknown>[] };
    expect(json.data.length).toBeGreaterThan(16); // the 16 cities, several months

    const [xlsx] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(xlsx.suggestedFilename()).toBe('heatmap-on_time_rate-370000.xlsx');
    const sheet = await sheetOf((await xlsx.path())!);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(json.columns.map((c) => c.name));
    expect(sheet.rowCount).toBe(json.data.length + 1);
    const valueCol = header.indexOf('value') + 1;
    const regionCol = header.indexOf('region_name') + 1;
    for (const i of [0, 100, json.data.length - 1]) {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(regionCol).value).toBe(json.data[i].region_name);
      expect(row.getCell(valueCol).value).toBe(json.data[i].value); // a number, not text
    }

    const [csv] = await Promise.all([page.waitForEvent('download'), panel.locator('si-table-export a', { hasText: 'CSV' }).click()]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0].split(',')).toEqual(json.columns.map((c) => c.name));
    expect(lines).toHaveLength(json.data.length + 1);
    await page.close();
  });

  it('every table panel of every page offers XLSX and CSV', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const expected: Record<string, number> = { overview: 4, monitor: 2, agency: 7, scores: 4, collectors: 3, dictionary: 2, audit: 1 };
    for (const [view, count] of Object.entries(expected)) {
      await page.goto(`${suite.server.url}/?view=${view}`);
      await page.waitForLoadState('networkidle');
      const exports = page.locator('si-table-export');
      await expect.poll(() => exports.count(), { timeout: 20_000, message: view }).toBe(count);
      expect(await exports.first().locator('a').allTextContents(), view).toEqual(['XLSX', 'CSV']);
    }
    await page.close();
  });
});

describe('targets and thresholds', () => {
  it('shows the scheme’s target and floor on the tile and as rule lines on both charts, each in a legend', async () => {
    const q = new URLSearchParams({ scheme: 'standard', region: '370100', period_type: 'month', period: '2025-05' });
    const indicators = (await (await fetch(`${suite.server.url}/api/scores/indicators?${q}`)).json()).data as {
      metric: string | null;
      target_value: number | null;
      floor_value: number | null;
      points: number;
      max_points: number;
    }[];
    const goal = indicators.find((r) => r.metric === 'upload_timeliness' && r.target_value !== null)!;
    expect(goal, 'upload_timeliness is scored under the standard scheme (target 100, floor 80)').toBeDefined();
    expect([goal.target_value, goal.floor_value]).toEqual([100, 80]); // seeds/schemes/standard.json
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=monitor&metric=upload_timeliness&region=370100&period=2025-05`);
    const tile = page.locator('si-kpi-tile[data-metric=upload_timeliness] [data-testid=kpi-target]');
    await expect.poll(() => tile.textContent(), { timeout: 20_000 }).toContain(`目标 ≥ ${goal.target_value!.toFixed(1)}%`);
    if (goal.floor_value !== null) expect(await tile.textContent()).toContain(`起评 ${goal.floor_value.toFixed(1)}%`);
    expect(await tile.locator('[data-testid=kpi-points]').textContent()).toBe(`得分 ${Number(goal.points.toFixed(2))}/${Number(goal.max_points.toFixed(2))}`);

    const goals = goal.floor_value === null ? ['目标值'] : ['目标值', '起评值'];
    for (const [panel, marks] of [
      ['trend', ['当月', '近12个月']],
      ['ranking', ['所选地区', '同级地区', '同级中位数']],
    ] as const) {
      const chart = page.locator(`[data-testid=${panel}] si-vega-chart[data-rendered]`);
      await chart.waitFor({ timeout: 20_000 });
      const legend = await chart.locator('.role-legend-label text').allTextContents();
      expect(legend, panel).toEqual([...marks, ...goals]);
      // One rule per goal (and the median on the ranking), not one per data row.
      expect(await chart.locator('.mark-rule.role-mark line').count(), panel).toBe(goals.length + (panel === 'ranking' ? 1 : 0));
    }
    await page.screenshot({ path: join(ARTIFACTS, 'monitor-targets.png'), fullPage: true });
    await page.close();
  });

  it('draws the target and floor across the overview’s ranking bars on a metric, named with their values', async () => {
    const q = new URLSearchParams({ scheme: 'standard', region: '370000', period_type: 'month', period: '2025-05' });
    const indicators = (await (await fetch(`${suite.server.url}/api/scores/indicators?${q}`)).json()).data as {
      metric: string | null;
      target_value: number | null;
      floor_value: number | null;
    }[];
    const goal = indicators.find((r) => r.metric === 'upload_timeliness' && r.target_value !== null)!;
    expect([goal.target_value, goal.floor_value]).toEqual([100, 80]); // seeds/schemes/standard.json
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=overview&region=370000&metric=upload_timeliness&period=2025-05&scheme=standard&rank=metric`);
    const ranking = page.locator('[data-testid=ranking] si-region-ranking[data-testid=division-ranking]');
    const legend = ranking.locator('[data-testid=ranking-goals]');
    await expect.poll(() => legend.textContent(), { timeout: 20_000 }).toBe('目标值 100.0%起评值 80.0%');
    // The bars run from 0 to the target (every city's rate is at most 100 %): the floor at 80 % of the track, the target at its end.
    const rows = await ranking.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(10);
    expect(await ranking.locator('i.goal[data-goal=起评值]').evaluateAll((marks) => marks.map((m) => (m as HTMLElement).style.left))).toEqual(
      Array(rows).fill('80%'),
    );
    expect(await ranking.locator('i.goal[data-goal=目标值]').evaluateAll((marks) => marks.map((m) => (m as HTMLElement).style.left))).toEqual(
      Array(rows).fill('100%'),
    );
    await page.locator('[data-testid=ranking]').screenshot({ path: join(ARTIFACTS, 'overview-ranking-targets.png') });
    // Ranked on score totals: no metric, no goal lines.
    await page.selectOption('select[aria-label=排名依据]', 'score');
    await expect.poll(() => ranking.locator('[data-testid=grade]').count()).toBeGreaterThan(0);
    expect(await ranking.locator('i.goal').count()).toBe(0);
    await page.close();
  });

  it('colours a 环比 or 同比 change only when it shows after rounding: no green “▲ 0.0”', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}${OVERVIEW}`);
    await page.locator('si-kpi-tile').first().waitFor({ timeout: 20_000 });
    // Two tiles on the page as the overview draws them, with changes SQL counts as better (improvement > 0) or worse.
    const changes = await page.evaluate(async () => {
      const draw = async (mom: number, yoy: number) => {
        const tile = Object.assign(document.createElement('si-kpi-tile'), {
          label: '测试',
          unit: '%',
          value: 95,
          mom,
          momImprovement: mom,
          yoy,
          yoyImprovement: yoy,
        });
        document.body.append(tile);
        await (tile as unknown as { updateComplete: Promise<boolean> }).updateComplete;
        return [...tile.shadowRoot!.querySelectorAll('.changes > span')].map((s) => [s.textContent!.replace(/\s+/g, ' ').trim(), getComputedStyle(s).color]);
      };
      return [await draw(0.04, 0.06), await draw(-0.049, -1.26)];
    });
    const [muted, good, bad] = ['rgb(91, 107, 124)', 'rgb(26, 127, 75)', 'rgb(179, 38, 30)']; // theme.css --muted, --good, --bad
    expect(changes).toEqual([
      [
        ['环比 0.0 个百分点', muted],
        ['同比 ▲ +0.1 个百分点', good],
      ],
      [
        ['环比 0.0 个百分点', muted],
        ['同比 ▼ -1.3 个百分点', bad],
      ],
    ]);
    await page.close();
  });

  it('draws each small chart’s target and floor on 全省概览’s small multiples and 机构自查’s trends, each in the legend', async () => {
    const json = async <T>(path: string, params: Record<string, string>): Promise<T> =>
      (await (await fetch(`${suite.server.url}${path}?${new URLSearchParams(params)}`)).json()) as T;
    type Target = { metric: string | null; target_value: number | null; floor_value: number | null };
    /** The rules the charts of these metrics should draw (a metric's first scored indicator with a target), and the legend's goal names. */
    const expected = (metrics: string[], indicators: Target[]) => {
      const targets = metrics.map((m) => indicators.find((r) => r.metric === m && r.target_value !== null));
      const rules = targets.reduce((n, t) => n + (t ? 1 : 0) + (t?.floor_value != null ? 1 : 0), 0);
      const goals = [...(targets.some((t) => t) ? ['目标值'] : []), ...(targets.some((t) => t?.floor_value != null) ? ['起评值'] : [])];
      return { rules, goals };
    };
    const chartOf = async (url: string, panel: string) => {
      const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(`${suite.server.url}${url}`);
      const chart = page.locator(`[data-testid=${panel}] si-vega-chart[data-rendered]`);
      await chart.waitFor({ timeout: 30_000 });
      return { page, chart };
    };

    // 全省概览, 济南市 in 2025-05, the second-level item holding 数据上报及时率 (target 100, floor 80).
    const [catalogue, metrics] = await Promise.all([json<{ data: CatalogueRow[] }>('/api/catalogue', {}), json<{ data: MetricRow[] }>('/api/metrics', {})]);
    const item = itemsOf(catalogue.data, metrics.data).find((i) => i.metrics.some((m) => m.code === 'upload_timeliness'))!;
    const sel = { region: '370100', period: '2025-05', metric: 'on_time_rate', scheme: 'standard', item: item.key };
    const overview = await json<{ multiples: { metric: string }[]; indicators: Target[] }>('/api/pages/overview', sel);
    const multiples = expected([...new Set(overview.multiples.map((r) => r.metric))], overview.indicators);
    expect(multiples.rules, 'the item has scored metrics').toBeGreaterThanOrEqual(2);
    let { page, chart } = await chartOf(`/?view=overview&${new URLSearchParams(sel)}`, 'multiples');
    expect(await chart.locator('.role-legend-label text').allTextContents()).toEqual(['本地区', ...multiples.goals]);
    expect(await chart.locator('.mark-rule.role-mark line').count()).toBe(multiples.rules);
    await chart.screenshot({ path: join(ARTIFACTS, 'overview-multiples-targets.png') });
    await page.close();

    // 机构自查, 历下区 in 2025: every metric against its peers' median and, where scored, its target and floor.
    const agencySel = { region: '370102', year: '2025', scheme: 'standard' };
    const agency = await json<{ months: { metric: string }[]; indicators: Target[] }>('/api/pages/agency', agencySel);
    const trends = expected([...new Set(agency.months.map((r) => r.metric))], agency.indicators);
    expect(trends.rules).toBeGreaterThanOrEqual(2);
    ({ page, chart } = await chartOf(`/?view=agency&${new URLSearchParams(agencySel)}`, 'trends'));
    expect(await chart.locator('.role-legend-label text').allTextContents()).toEqual(['本地区', '同级中位数', ...trends.goals]);
    expect(await chart.locator('.mark-rule.role-mark line').count()).toBe(trends.rules);
    await chart.screenshot({ path: join(ARTIFACTS, 'agency-trends-targets.png') });
    await page.close();
  });
});

describe('links to 指标词典', () => {
  it('opens an indicator from 绩效评分 and a metric from 指标监测 in the dictionary, the region kept', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=scores&region=370100`);
    const link = page.locator('[data-testid=top-lost] a.dictionary').first();
    await link.waitFor({ timeout: 20_000 });
    const code = (await link.textContent())!.trim();
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('code')).toBe(code);
    expect(new URL(page.url()).searchParams.get('region')).toBe('370100');
    await expect.poll(() => page.locator(`si-dictionary-page article.open[data-code="${code}"]`).count(), { timeout: 20_000 }).toBe(1);

    await page.goto(`${suite.server.url}/?view=monitor&metric=online_rate&region=370100`);
    await page.locator('[data-testid=trend] .definition a.dictionary').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('online_rate');
    // The indicators computed from the metric, each naming it in its 计算口径.
    const found = page.locator('si-dictionary-page article');
    await expect.poll(() => found.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const text of await found.allTextContents()) expect(text).toContain('online_rate');
    await page.close();
  });
});
