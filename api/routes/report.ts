// The evaluation report of a region and a year: HTML, or PDF printed from it.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { Database } from '../../warehouse/database.js';
import { reportQuery } from '../../contracts/query.js';
import { loadReport, ReportNotFound } from '../../report/data.js';
import { renderReport } from '../../report/html.js';
import { htmlToPdf, PdfUnavailable } from '../../report/pdf.js';
import type { Dims } from '../dims.js';
import { validQuery } from '../validate.js';

export function reportRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  const valid = validQuery(reportQuery, { region: 'region', scheme: 'scheme' }, dims);

  async function build({ region, year, scheme }: z.output<typeof reportQuery>): Promise<string> {
    try {
      return await renderReport(await loadReport(db, region, year, scheme));
    } catch (err) {
      if (err instanceof ReportNotFound) throw new HTTPException(404, { message: err.message });
      throw err;
    }
  }

  app.get('/report', valid, async (c) => c.html(await build(c.req.valid('query'))));

  app.get('/report.pdf', valid, async (c) => {
    const query = c.req.valid('query');
    const html = await build(query);
    try {
      const pdf = await htmlToPdf(html);
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="report-${query.region}-${query.year}.pdf"`,
      });
    } catch (err) {
      if (err instanceof PdfUnavailable) throw new HTTPException(503, { message: err.message });
      throw err;
    }
  });
  return app;
}
