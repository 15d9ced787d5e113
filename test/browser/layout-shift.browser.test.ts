// 机构自查 and SQL 查询 on a phone over a throttled network do not jump while they load:
// cumulative layout shift under 0.1 (Web Vitals' "good"), counted by a layout-shift
// PerformanceObserver from the first paint on. Before, panels that filled one by one shifted
// them by 0.26 and 0.24 (npm run pages).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();
// A slow mobile link (Chrome DevTools' "Fast 3G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms
// round trip), so the page's requests land one after another as they would on a phone.
const FAST_3G = { offline: false, latency: 150, downloadThroughput: (1600 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };
const GOOD_CLS = 0.1;

describe('layout shift on a phone', () => {
  for (const view of ['agency', 'sql']) {
    it(`${view}: under ${GOOD_CLS} while the first load comes in`, async () => {
      const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await page.addInitScript(() => {
        const w = window as unknown as { cls: number; shifts: string[] };
        w.cls = 0;
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; startTime: number }[]) {
            if (e.hadRecentInput) continue;
            w.cls += e.value;
            w.shifts.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${suite.server.url}/?view=${view}`, { waitUntil: 'networkidle', timeout: 150_000 });
      await page.waitForTimeout(1000); // charts draw after their data arrives
      const { cls, shifts } = await page.evaluate(() => {
        const w = window as unknown as { cls: number; shifts: string[] };
        return { cls: w.cls, shifts: w.shifts };
      });
      await page.screenshot({ path: join(ARTIFACTS, `layout-shift-${view}.png`), fullPage: true });
      await context.close();
      expect(cls, `${view}: shifts ${shifts.join(', ')}`).toBeLessThan(GOOD_CLS);
    }, 180_000);
  }
});
