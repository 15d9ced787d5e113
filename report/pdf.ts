// Print-to-PDF with headless Chromium (Debian's package through playwright-core),
// launched on demand and closed after each export; one export at a time.
import { CHROMIUM_ARGS, chromiumAvailable, chromiumPath } from '../core/chromium.js';
import { Mutex } from '../core/mutex.js';

export class PdfUnavailable extends Error {}

const oneAtATime = new Mutex();

const FOOTER = `<div style="width:100%;text-align:center;font-size:9px;color:#5b6b7c">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`;

export function htmlToPdf(html: string): Promise<Uint8Array> {
  if (!chromiumAvailable()) {
    return Promise.reject(
      new PdfUnavailable(`无法导出 PDF：未找到 Chromium（${chromiumPath()}）。请安装 Debian 的 chromium 软件包，或用环境变量 CHROMIUM_PATH 指定其路径。`),
    );
  }
  return oneAtATime.run(async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
    } finally {
      await browser.close();
    }
  });
}
