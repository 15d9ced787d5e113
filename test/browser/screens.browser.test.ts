// Every page on the screens people use: a phone (390×844), a laptop (1366×768) and a wall
// (1920×1080), and the wall in kiosk mode: no page scrolls sideways, the navigation stays usable
// (the tabs, or the menu on a phone; none in kiosk mode), screenshots are kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();
const VIEWS = ['overview', 'monitor', 'agency', 'scores', 'report', 'evaluation', 'sql', 'collectors', 'dictionary', 'audit'];
const SCREENS = [
  { name: 'phone', width: 390, height: 844, kiosk: false },
  { name: 'laptop', width: 1366, height: 768, kiosk: false },
  { name: 'wall', width: 1920, height: 1080, kiosk: false },
  { name: 'kiosk', width: 1920, height: 1080, kiosk: true },
];

/** The widest element box on the page beyond the viewport, for the failure message. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && getComputedStyle(el).position !== 'fixed') wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });

describe('pages on every screen', () => {
  for (const screen of SCREENS) {
    it(`${screen.name} (${screen.width}×${screen.height}): no sideways scroll on any page`, async () => {
      const page = await suite.browser.newPage({ viewport: { width: screen.width, height: screen.height } });
      for (const view of VIEWS) {
        await page.goto(`${suite.server.url}/?view=${view}${screen.kiosk ? '&kiosk=1' : ''}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500); // charts draw after their data arrives
        const o = await overflow(page);
        await page.screenshot({ path: join(ARTIFACTS, `screen-${screen.name}-${view}.png`), fullPage: true });
        expect.soft(o.scroll, `${view}: ${o.wide.join('; ')}`).toBeLessThanOrEqual(o.width);
        // The way to the other pages: every tab in view, or the menu on a phone; none on a wall in kiosk mode.
        const tabs = page.locator('si-app nav a');
        const tabsShown = (await tabs.evaluateAll((links) => links.filter((a) => a.getBoundingClientRect().width > 0).length)) === (await tabs.count());
        const menuShown = await page.locator('si-app button.menu').isVisible();
        expect
          .soft({ tabsShown, menuShown }, view)
          .toEqual(screen.kiosk ? { tabsShown: false, menuShown: false } : { tabsShown: screen.width > 720, menuShown: screen.width <= 720 });
      }
      await page.close();
    });
  }
});

describe('navigation on a phone and on a wall', () => {
  it('folds the tabs into a menu on a phone that opens, goes and closes', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.server.url}/?view=overview`);
    const menu = page.locator('si-app button.menu');
    await expect.poll(() => menu.textContent()).toContain('全省概览');
    expect(await page.locator('si-app nav a').first().isVisible()).toBe(false);
    await menu.click();
    await page.locator('si-app nav a', { hasText: '绩效评分' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('scores');
    expect(await menu.textContent()).toContain('绩效评分');
    expect(await page.locator('si-app nav a').first().isVisible()).toBe(false);
    await page.close();
  });

  it('shows a wall (?kiosk=1) full width, in large type, without controls, rotating through its views', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${suite.server.url}/?view=overview&kiosk=1&views=overview,monitor&every=10`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('si-app nav#pages').isVisible()).toBe(false);
    expect(await page.locator('si-overview-page .filters').first().isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    // The shell spans the screen (no 1280 px column).
    expect((await page.locator('si-app').boundingBox())!.width).toBeGreaterThan(1880);
    await page.screenshot({ path: join(ARTIFACTS, 'screen-wall-kiosk.png') });
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), { timeout: 15_000 }).toBe('monitor');
    await page.close();
  });
});

describe('the region kept across tabs', () => {
  it('drilled to a county on 全省概览, every tab opens on that county, through the pages without a region too', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=overview`);
    await page.locator('si-region-ranking a', { hasText: '济南市' }).click();
    await page.locator('si-region-ranking a', { hasText: '历下区' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('370102');
    for (const [label, view] of [
      ['指标词典', 'dictionary'],
      ['SQL 查询', 'sql'],
      ['数据采集', 'collectors'],
      ['审计日志', 'audit'],
      ['评价工作', 'evaluation'],
      ['绩效评分', 'scores'],
      ['机构自查', 'agency'],
      ['评价报告', 'report'],
      ['指标监测', 'monitor'],
    ]) {
      const tab = page.locator('si-app nav a', { hasText: label });
      expect(new URL((await tab.getAttribute('href'))!, suite.server.url).searchParams.get('region'), label).toBe('370102');
      await tab.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe(view);
      expect(new URL(page.url()).searchParams.get('region'), label).toBe('370102');
      if (view === 'dictionary') {
        // A choice on a page without a region keeps it in the address all the same.
        await page.fill('si-dictionary-page input[aria-label=搜索指标]', '网上');
        await page.press('si-dictionary-page input[aria-label=搜索指标]', 'Enter');
        await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('网上');
        expect(new URL(page.url()).searchParams.get('region'), `${label} after a search`).toBe('370102');
      }
    }
    // The page itself shows the county chosen (its region picker on 指标监测).
    await expect.poll(() => page.locator('si-monitor-page si-region-picker input').inputValue()).toBe('历下区');
    await page.close();
  });

  it('finds a region in the picker by pinyin initials and names the city of an ambiguous one', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${suite.server.url}/?view=scores`);
    const input = page.locator('si-score-page si-region-picker input');
    await input.click();
    await input.fill('市中');
    const options = page.locator('si-score-page si-region-picker li[role=option]');
    await expect.poll(() => options.allTextContents()).toEqual(['市中区（济南市）', '市中区（枣庄市）']);
    await input.fill('ycx');
    await expect.poll(() => options.allTextContents()).toEqual(['郓城县']);
    await input.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('371725');
    await expect.poll(() => input.inputValue()).toBe('郓城县');
    await page.screenshot({ path: join(ARTIFACTS, 'region-picker.png') });
    await page.close();
  });
});

describe('chart exports', () => {
  it('downloads a chart as a PNG at twice its drawn size and as SVG', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.goto(`${suite.server.url}/?view=monitor&metric=on_time_rate&region=370100&period=2025-05`);
    const chart = page.locator('[data-testid=trend] si-vega-chart[data-rendered]');
    await chart.waitFor({ timeout: 20_000 });
    const svgBox = (await chart.locator('.chart svg').boundingBox())!;
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(Math.round(svgBox.width) * 2);
    expect(bytes.readUInt32BE(20)).toBe(Math.round(svgBox.height) * 2);
    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'SVG' }).click()]);
    expect(readFileSync((await svg.path())!, 'utf8')).toMatch(/^<svg[^>]+width="\d+"/);
    await page.close();
  });
});

describe('指标词典', () => {
  it('lists the 68 indicators, filters by a word and opens one by its code with its metric’s definition', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const [catalogue, metrics] = await Promise.all(
      ['/api/catalogue', '/api/metrics'].map(async (p) => (await (await fetch(`${suite.server.url}${p}`)).json()).data),
    );
    await page.goto(`${suite.server.url}/?view=dictionary`);
    const articles = page.locator('si-dictionary-page article');
    await expect.poll(() => articles.count()).toBe(68);
    expect(catalogue.length).toBe(68);

    const search = page.getByRole('searchbox', { name: '搜索指标' });
    await search.fill('限时');
    const expected = catalogue.filter((r: { code: string; name: string; description: string; metrics: string[] | null }) =>
      [r.name, r.description, ...(r.metrics ?? []).map((m) => metrics.find((x: { code: string }) => x.code === m)?.name ?? '')].join(' ').includes('限时'),
    ).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => articles.count()).toBe(expected);

    const reg = metrics.find((m: { appendix_code: string | null }) => m.appendix_code === '2.1.2');
    await page.goto(`${suite.server.url}/?view=dictionary&code=2.1.2`);
    const open = page.locator('si-dictionary-page article.open');
    await expect.poll(() => open.getAttribute('data-code')).toBe('2.1.2');
    expect(await open.textContent()).toContain(reg.definition);
    expect(await open.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'dictionary.png') });
    await page.close();
  });
});
