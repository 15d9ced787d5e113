// The overview, monitor, agency and score pages print on A4: no tabs, filters or export
// buttons on paper, no panel cut across a page end, and nothing past the right margin even
// when the charts were drawn for a laptop's wider screen. Each PDF is rendered back to
// pixels with poppler's pdftoppm, and its right margin must be blank paper.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../support/browser.js';
import { useDemoBrowser } from '../support/browser-suite.js';

const suite = useDemoBrowser();
const dir = mkdtempSync(join(tmpdir(), 'si-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DPI = 40;
// A4 is 210 mm wide; the page's margin is 12 mm (theme.css @page), so at 40 dpi the paper is
// 210 / 25.4 × 40 ≈ 331 px and each side margin 12 / 25.4 × 40 ≈ 18.9 px. Content past the
// margin would darken the outer 15 px strip checked below (a few pixels' slack for rounding).
const A4_PX = Math.round((210 / 25.4) * DPI);
const STRIP = 15;

/** A binary PPM (P6) from pdftoppm: width, height and RGB bytes. */
function readPpm(file: string) {
  const buf = readFileSync(file);
  const header = buf.subarray(0, 32).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: buf.subarray(buf.length - width * height * 3) };
}

/** Columns of the right-hand strip where some pixel is not white paper. */
function inkInRightMargin(file: string): number {
  const { width, height, pixels } = readPpm(file);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    for (let x = width - STRIP; x < width; x++) {
      const i = (y * width + x) * 3;
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 235) ink++;
    }
  }
  return ink;
}

describe('pages printed on A4', () => {
  for (const view of ['overview', 'monitor', 'agency', 'scores']) {
    it(`${view}: prints without controls, within the page width`, async () => {
      // Drawn on a laptop, then printed: the charts are wider than the paper until print CSS scales them.
      const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${suite.server.url}/?view=${view}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500); // charts draw after their data arrives
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('si-app nav#pages').isVisible()).toBe(false);
      expect(await page.locator('si-app button.menu').isVisible()).toBe(false);
      expect(await page.locator('.filters').count()).toBeGreaterThan(0);
      for (const filters of await page.locator('.filters').all()) expect(await filters.isVisible()).toBe(false);
      for (const exportBar of await page.locator('si-vega-chart .export').all()) expect(await exportBar.isVisible()).toBe(false);
      const panels = page.locator('.panel');
      expect(await panels.count()).toBeGreaterThan(0);
      expect(await panels.first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
      await page.screenshot({ path: join(ARTIFACTS, `print-${view}.png`), fullPage: true });

      const pdf = join(dir, `${view}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
      await page.close();
      execFileSync('pdftoppm', ['-r', String(DPI), pdf, join(dir, view)]);
      const pages = readdirSync(dir)
        .filter((f) => f.startsWith(`${view}-`) && f.endsWith('.ppm'))
        .sort();
      expect(pages.length).toBeGreaterThan(0);
      for (const file of pages) {
        const { width } = readPpm(join(dir, file));
        expect(Math.abs(width - A4_PX), `${file} width ${width}`).toBeLessThanOrEqual(1);
        expect(inkInRightMargin(join(dir, file)), `${file}: ink in the right margin`).toBe(0);
      }
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${view}-first`)]);
      copyFileSync(join(dir, `${view}-first.png`), join(ARTIFACTS, `print-${view}-page1.png`));
    }, 180_000); // a PDF and its rendering, on a machine shared with other test runs
  }
});
