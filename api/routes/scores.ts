// Scores by scheme, region and period (read from the score marts), the loaded schemes,
// and the manual-score import.
import { Hono, type Context } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import { ParamError, known, limit, oneOf, period, required } from '../params.js';
import { SheetError, importManualScores, type SheetKind } from '../../scoring/manual-scores.js';
import type { Dims } from './indicators.js';

const SCORE_PERIOD_TYPES = ['month', 'ytd', 'year'] as const;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ScoreQuery {
  scheme: string;
  region: string;
  type: (typeof SCORE_PERIOD_TYPES)[number];
  at: string | null;
}

/** The 'scheme' parameter, checked against the loaded schemes. */
export async function schemeParam(db: Database, c: Context, fallback?: string): Promise<string> {
  const scheme = c.req.query('scheme') ?? fallback ?? required(c, 'scheme');
  const schemes = await db.rows<{ code: string }>('SELECT code FROM dim_scheme ORDER BY code');
  if (!schemes.some((s) => s.code === scheme)) {
    throw new ParamError('scheme', `unknown scheme '${scheme}' in parameter 'scheme' (one of ${schemes.map((s) => s.code).join(', ')})`);
  }
  return scheme;
}

export function scoreRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  async function scoreQuery(c: Context, periodRequired: boolean): Promise<ScoreQuery> {
    const scheme = await schemeParam(db, c);
    const region = known('region', required(c, 'region'), dims.regions, 'region');
    const type = oneOf(c, 'period_type', SCORE_PERIOD_TYPES, 'month');
    const at = period(c, 'period', type === 'year' ? 'year' : 'month') ?? (periodRequired ? required(c, 'period') : null);
    if (at !== null) {
      const found = await db.rows('SELECT 1 FROM mart_score_total WHERE scheme = $scheme AND period_type = $type AND period = $at LIMIT 1', { scheme, type, at });
      if (!found.length) throw new ParamError('period', `unknown period '${at}' in parameter 'period': no ${type} scores for it`);
    }
    return { scheme, region, type, at };
  }

  app.get('/schemes', async (c) =>
    sendTable(
      c,
      await db.query(`
        SELECT s.code, s.name, s.version, s.description, s.total_points, s.bonus_cap, s.file,
               (SELECT list({grade: b.grade, min: CAST(b.min_points AS DOUBLE), max: CAST(b.max_points AS DOUBLE)} ORDER BY b.min_points DESC)
                FROM dim_grade_band b WHERE b.scheme = s.code) AS grades
        FROM dim_scheme s ORDER BY s.code = 'standard' DESC, s.code`),
      {},
      'schemes',
    ),
  );

  // Total, bonus, grade and projection, with the points still needed for the next grade
  // band (v_score_gap); one period or the region's whole series.
  app.get('/scores', async (c) => {
    const q = await scoreQuery(c, false);
    const result = await db.query(
      `SELECT t.*, r.name AS region_name FROM v_score_gap t JOIN dim_region r ON r.code = t.region_code
       WHERE t.scheme = $scheme AND t.region_code = $region AND t.period_type = $type AND ($at IS NULL OR t.period = $at)
       ORDER BY t.period`,
      { scheme: q.scheme, region: q.region, type: q.type, at: q.at },
    );
    return sendTable(c, result, {}, `scores-${q.scheme}-${q.region}`);
  });

  // P1 and P2 items in the scheme's order (P1 rows have p2 NULL).
  app.get('/scores/items', async (c) => {
    const q = await scoreQuery(c, true);
    const result = await db.query(
      `SELECT * FROM mart_score_item
       WHERE scheme = $scheme AND region_code = $region AND period_type = $type AND period = $at
       ORDER BY ord`,
      { scheme: q.scheme, region: q.region, type: q.type, at: q.at },
    );
    return sendTable(c, result, {}, `score-items-${q.scheme}-${q.region}-${q.at}`);
  });

  // Indicator entries with their targets and the peers' median, those that lost the most
  // points first; optionally within one item.
  app.get('/scores/indicators', async (c) => {
    const q = await scoreQuery(c, true);
    const item = c.req.query('item') ?? null;
    const n = limit(c, 'limit', 1000, 1000);
    const result = await db.query(
      `SELECT * FROM v_score_indicator_target
       WHERE scheme = $scheme AND region_code = $region AND period_type = $type AND period = $at
         AND ($item IS NULL OR p1_code = $item OR p2_code = $item)
       ORDER BY points_lost DESC, ord LIMIT $n`,
      { scheme: q.scheme, region: q.region, type: q.type, at: q.at, item, n },
    );
    return sendTable(c, result, {}, `score-indicators-${q.scheme}-${q.region}-${q.at}`);
  });

  // One metric's scored entries period by period (from … to), with target and peers' median.
  app.get('/scores/indicator-series', async (c) => {
    const q = await scoreQuery(c, false);
    const metric = known('metric', required(c, 'metric'), dims.metrics, 'metric');
    const pattern = q.type === 'year' ? 'year' : 'month';
    const from = period(c, 'from', pattern) ?? '';
    const to = period(c, 'to', pattern) ?? '9999';
    const result = await db.query(
      `SELECT * FROM v_score_indicator_target
       WHERE scheme = $scheme AND region_code = $region AND period_type = $type AND metric = $metric AND period BETWEEN $from AND $to
       ORDER BY period, ord`,
      { scheme: q.scheme, region: q.region, type: q.type, metric, from, to },
    );
    return sendTable(c, result, {}, `score-series-${q.scheme}-${q.region}-${metric}`);
  });

  // The regions under a parent ranked on their totals, with grade, projection and the peers' median.
  app.get('/scores/ranking', async (c) => {
    const scheme = await schemeParam(db, c);
    const parent = known('parent', required(c, 'parent'), dims.regions, 'region');
    const type = oneOf(c, 'period_type', SCORE_PERIOD_TYPES, 'month');
    const at = period(c, 'period', type === 'year' ? 'year' : 'month') ?? required(c, 'period');
    const result = await db.query(
      `SELECT * FROM v_score_peer
       WHERE scheme = $scheme AND parent_code = $parent AND period_type = $type AND period = $at
       ORDER BY rank, region_code`,
      { scheme, parent, type, at },
    );
    return sendTable(c, result, {}, `score-ranking-${scheme}-${parent}-${at}`);
  });

  // A manual-score sheet: raw CSV or XLSX body, or multipart/form-data with a "file" field.
  app.post('/manual-scores', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let data: Uint8Array;
    let kind: SheetKind;
    let name = c.req.query('filename') ?? 'upload';
    if (type.startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody())['file'];
      if (!(file instanceof File)) throw new ParamError('file', "multipart upload needs a 'file' field holding a .csv or .xlsx sheet");
      name = file.name;
      if (!/\.(csv|xlsx)$/i.test(name)) throw new ParamError('file', `file '${name}' must be a .csv or .xlsx sheet`);
      kind = name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      data = new Uint8Array(await file.arrayBuffer());
    } else if (type.startsWith('text/csv') || type.startsWith(XLSX_MIME)) {
      kind = type.startsWith(XLSX_MIME) ? 'xlsx' : 'csv';
      data = new Uint8Array(await c.req.arrayBuffer());
    } else {
      throw new ParamError('content-type', `header 'content-type' must be text/csv, ${XLSX_MIME} or multipart/form-data; got '${type || 'none'}'`);
    }
    try {
      return c.json({ file: name, ...(await importManualScores(db, data, kind, name)) });
    } catch (err) {
      if (err instanceof SheetError) return c.json({ error: err.message, errors: err.errors }, 400);
      throw err;
    }
  });
  return app;
}
