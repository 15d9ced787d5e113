// The evaluation report (Appendix B) of a region and year: HTML for screen and print,
// and the same page printed to PDF by headless Chromium.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Database } from '../../warehouse/database.js';
import { known, period, required } from '../params.js';
import { loadReport, ReportNotFound } from '../../report/data.js';
import { renderReport } from '../../report/html.js';
import { htmlToPdf, PdfUnavailable } from '../../report/pdf.js';
import type { Dims } from './indicators.js';
import { schemeParam } from './scores.js';

export function reportRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  async function build(c: Context): Promise<{ html: string; region: string; year: string }> {
    const region = known('region', required(c, 'region'), dims.regions, 'region');
    const year = period(c, 'year', 'year') ?? required(c, 'year');
    const scheme = await schemeParam(db, c, 'standard');
    try {
      return { html: await renderReport(await loadReport(db, region, year, scheme)), region, year };
    } catch (err) {
      if (err instanceof ReportNotFound) throw new HTTPException(404, { message: err.message });
      throw err;
    }
  }

  app.get('/report', async (c) => c.html((await build(c)).html));

  app.get('/report.pdf', async (c) => {
    const { html, region, year } = await build(c);
    try {
      const pdf = await htmlToPdf(html);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="report-${region}-${year}.pdf"`,
      });
    } catch (err) {
      if (err instanceof PdfUnavailable) throw new HTTPException(503, { message: err.message });
      throw err;
    }
  });
  return app;
}
