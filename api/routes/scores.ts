// Scores by scheme, region and period (read from the score marts), the loaded schemes,
// and the manual-score import.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { MartRefresher } from '../../ingest/marts.js';
import type { RowOf } from '../../contracts/endpoints.js';
import { audit, scoreImportEntry } from '../../access/audit.js';
import { accessOf } from '../access.js';
import { SheetError, importManualScores, type SheetKind } from '../../scoring/manual-scores.js';
import type { Dims } from '../dims.js';
import { XLSX_MIME } from '../format.js';
import { readRoute, type Select, type TableReads } from '../table-route.js';
import { BadRequest } from '../validate.js';

/** An indicator entry with its target and the peers' median: the columns of v_score_indicator_target. */
function targetColumns(select: Select<RowOf<'/api/scores/indicators'>>): string {
  return select({
    scheme: true,
    region_code: true,
    period_type: true,
    period: true,
    indicator_code: true,
    p1: true,
    p2: true,
    name: true,
    category: true,
    metric: true,
    source: true,
    value: true,
    max_points: true,
    points: true,
    points_lost: true,
    rule: true,
    status: true,
    rule_detail: true,
    bonus: true,
    p1_code: true,
    p2_code: true,
    ord: true,
    target_value: true,
    floor_value: true,
    direction: true,
    unit: true,
    peer_median: true,
    peer_rank: true,
    peers: true,
    worse_than_median: true,
  });
}

export type ScorePath =
  | '/api/schemes'
  | '/api/scores'
  | '/api/scores/items'
  | '/api/scores/indicators'
  | '/api/scores/lost'
  | '/api/scores/indicator-series'
  | '/api/scores/ranking';

/** The score endpoints' reads: the score marts and the schemes' dimensions only, so all through
 * the read cache (Database.martQuery); manual scores reach the marts by the refresh after an import. */
export function scoreReads(db: Database): TableReads<ScorePath> {
  /** A period named in a score query must have scores of its type. */
  async function scored(scheme: string, type: string, period: string | undefined): Promise<void> {
    if (period === undefined) return;
    const found = await db.martQuery('SELECT 1 FROM mart_score_total WHERE scheme = $scheme AND period_type = $type AND period = $period LIMIT 1', {
      scheme,
      type,
      period,
    });
    if (!found.rows.length) throw new BadRequest(`unknown period '${period}' in parameter 'period': no ${type} scores for it`);
  }

  /** An item filter must name a P1 or P2 item of the scheme. */
  async function itemOf(scheme: string, item: string | undefined): Promise<void> {
    if (item === undefined) return;
    const found = await db.martQuery('SELECT 1 FROM dim_scheme_item WHERE scheme = $scheme AND code = $item', { scheme, item });
    if (!found.rows.length) throw new BadRequest(`unknown item '${item}' in parameter 'item': no P1 or P2 item of scheme ${scheme} has that code`);
  }

  return {
    '/api/schemes': (_q, select) =>
      db.martQuery(`
        SELECT ${select(
          {
            code: true,
            name: true,
            version: true,
            description: true,
            total_points: true,
            bonus_cap: true,
            file: true,
            grades: `(SELECT list({grade: b.grade, min: CAST(b.min_points AS DOUBLE), max: CAST(b.max_points AS DOUBLE)} ORDER BY b.min_points DESC)
                    FROM dim_grade_band b WHERE b.scheme = s.code)`,
          },
          's',
        )}
        FROM dim_scheme s ORDER BY s.code = 'standard' DESC, s.code`),

    // Total, bonus, grade and projection, with the points still needed for the next grade
    // band (v_score_gap); one period or the region's whole series.
    '/api/scores': async ({ scheme, region, period_type, period }, select) => {
      await scored(scheme, period_type, period);
      return db.martQuery(
        `SELECT ${select(
          {
            scheme: true,
            region_code: true,
            period_type: true,
            period: true,
            base_points: true,
            bonus_points: true,
            total: true,
            max_total: true,
            grade: true,
            projected_total: true,
            projected_grade: true,
            bonus_earned: true,
            missing_entries: true,
            pending_entries: true,
            next_grade: true,
            points_to_next: true,
            projected_next_grade: true,
            projected_points_to_next: true,
            missing_points: true,
            pending_points: true,
            complete: true,
            coverage: true,
            region_name: 'r.name',
          },
          't',
        )}
       FROM v_score_gap t JOIN dim_region r ON r.code = t.region_code
       WHERE t.scheme = $scheme AND t.region_code = $region AND t.period_type = $period_type AND ($period IS NULL OR t.period = $period)
       ORDER BY t.period`,
        { scheme, region, period_type, period: period ?? null },
      );
    },

    // P1 and P2 items in the scheme's order (P1 rows have p2 NULL).
    '/api/scores/items': async ({ scheme, region, period_type, period }, select) => {
      await scored(scheme, period_type, period);
      return db.martQuery(
        `SELECT ${select({
          scheme: true,
          region_code: true,
          period_type: true,
          period: true,
          level: true,
          p1: true,
          p2: true,
          points: true,
          max_points: true,
          p1_code: true,
          code: true,
          ord: true,
        })}
       FROM mart_score_item
       WHERE scheme = $scheme AND region_code = $region AND period_type = $period_type AND period = $period
       ORDER BY ord`,
        { scheme, region, period_type, period },
      );
    },

    // Indicator entries with their targets and the peers' median, those that lost the most
    // points first; optionally within one item.
    '/api/scores/indicators': async ({ scheme, region, period_type, period, item, limit }, select) => {
      await scored(scheme, period_type, period);
      await itemOf(scheme, item);
      return db.martQuery(
        `SELECT ${targetColumns(select)} FROM v_score_indicator_target
       WHERE scheme = $scheme AND region_code = $region AND period_type = $period_type AND period = $period
         AND ($item IS NULL OR p1_code = $item OR p2_code = $item)
       ORDER BY points_lost DESC, ord LIMIT $limit`,
        { scheme, region, period_type, period, item: item ?? null, limit },
      );
    },

    // The indicators that lost points (v_score_lost: not the unassessed manual ones), most first.
    '/api/scores/lost': async ({ scheme, region, period_type, period, limit }, select) => {
      await scored(scheme, period_type, period);
      return db.martQuery(
        `SELECT ${targetColumns(select)} FROM v_score_lost
       WHERE scheme = $scheme AND region_code = $region AND period_type = $period_type AND period = $period
       ORDER BY points_lost DESC, ord LIMIT $limit`,
        { scheme, region, period_type, period, limit },
      );
    },

    // One metric's scored entries period by period (from … to), with target and peers' median.
    '/api/scores/indicator-series': async ({ scheme, region, period_type, period, metric, from = '', to = '9999' }, select) => {
      await scored(scheme, period_type, period);
      return db.martQuery(
        `SELECT ${targetColumns(select)} FROM v_score_indicator_target
       WHERE scheme = $scheme AND region_code = $region AND period_type = $period_type AND metric = $metric AND period BETWEEN $from AND $to
       ORDER BY period, ord`,
        { scheme, region, period_type, metric, from, to },
      );
    },

    // The regions under a parent ranked on their totals, with grade, projection and the peers' median.
    '/api/scores/ranking': ({ scheme, parent, period_type, period }, select) =>
      db.martQuery(
        `SELECT ${select({
          scheme: true,
          region_code: true,
          region_name: true,
          parent_code: true,
          period_type: true,
          period: true,
          value: true,
          grade: true,
          max_total: true,
          projected_total: true,
          projected_grade: true,
          rank: true,
          peers: true,
          peer_median: true,
          gap_to_median: true,
          worse_than_median: true,
        })}
       FROM v_score_peer
       WHERE scheme = $scheme AND parent_code = $parent AND period_type = $period_type AND period = $period
       ORDER BY rank, region_code`,
        { scheme, parent, period_type, period },
      ),
  };
}

/** `marts`: the refresher after manual-score imports (whose failures it logs and retries). */
export function scoreRoutes(db: Database, dims: Dims, marts?: MartRefresher): Hono {
  const app = new Hono();
  const reads = scoreReads(db);
  readRoute(app, dims, reads, '/api/schemes', () => 'schemes');
  readRoute(app, dims, reads, '/api/scores', ({ scheme, region }) => `scores-${scheme}-${region}`);
  readRoute(app, dims, reads, '/api/scores/items', ({ scheme, region, period }) => `score-items-${scheme}-${region}-${period}`);
  readRoute(app, dims, reads, '/api/scores/indicators', ({ scheme, region, period }) => `score-indicators-${scheme}-${region}-${period}`);
  readRoute(app, dims, reads, '/api/scores/lost', ({ scheme, region, period }) => `score-lost-${scheme}-${region}-${period}`);
  readRoute(app, dims, reads, '/api/scores/indicator-series', ({ scheme, region, metric }) => `score-series-${scheme}-${region}-${metric}`);
  readRoute(app, dims, reads, '/api/scores/ranking', ({ scheme, parent, period }) => `score-ranking-${scheme}-${parent}-${period}`);

  // A manual-score sheet: raw CSV or XLSX body, or multipart/form-data with a "file" field.
  app.post('/manual-scores', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let data: Uint8Array;
    let kind: SheetKind;
    let name = c.req.query('filename') ?? 'upload';
    if (type.startsWith('multipart/form-data')) {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) throw new BadRequest("multipart upload needs a 'file' field holding a .csv or .xlsx sheet");
      name = file.name;
      if (!/\.(csv|xlsx)$/i.test(name)) throw new BadRequest(`file '${name}' must be a .csv or .xlsx sheet`);
      kind = name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      data = new Uint8Array(await file.arrayBuffer());
    } else if (type.startsWith('text/csv') || type.startsWith(XLSX_MIME)) {
      kind = type.startsWith(XLSX_MIME) ? 'xlsx' : 'csv';
      data = new Uint8Array(await c.req.arrayBuffer());
    } else {
      throw new BadRequest(`header 'content-type' must be text/csv, ${XLSX_MIME} or multipart/form-data; got '${type || 'none'}'`);
    }
    try {
      const { scope, actor } = accessOf(c);
      const result = await importManualScores(db, data, kind, name, marts, {
        mayScore: scope.scores,
        onStored: (changes) => audit(db, actor, scoreImportEntry(name, changes)),
      });
      return c.json({ file: name, ...result });
    } catch (err) {
      if (err instanceof SheetError) return c.json({ error: err.message, error_count: err.count, errors: err.errors }, 400);
      throw err;
    }
  });
  return app;
}
