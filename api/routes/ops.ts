// Collector visibility: per-collector health, run log, quarantined rows with their
// reasons, the version history of statistical reports (restatements audit), and how far
// the official working-day calendar reaches.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { sendTable } from '../format.js';
import { tableRoute } from '../table-route.js';
import { BadRequest, shown } from '../validate.js';

/** `collectors`: the configured collectors' names; a feed filter must name one of them or a
 * collector that has run, else it is a 400 rather than an empty answer. */
export function opsRoutes(db: Database, dims: Dims, collectors: readonly string[] = []): Hono {
  const app = new Hono();
  async function knownFeed(feed: string | null): Promise<void> {
    if (feed === null || collectors.includes(feed)) return;
    const seen = (await db.rows<{ feed: string }>('SELECT DISTINCT feed FROM ops_run ORDER BY feed')).map((r) => r.feed);
    if (seen.includes(feed)) return;
    const known = [...new Set([...collectors, ...seen])].sort();
    throw new BadRequest(
      `unknown collector '${shown(feed)}' in parameter 'feed'${known.length ? ` (one of ${known.join(', ')})` : ' (no collector has run yet)'}`,
    );
  }
  tableRoute(app, dims, '/api/feeds/health', async (_q, c, select) =>
    sendTable(
      c,
      await db.query(
        `SELECT ${select({
          feed: true,
          last_status: true,
          last_error: true,
          last_run_at: true,
          last_success_at: true,
          seconds_since_success: true,
          watermark: true,
          data_lag_seconds: true,
          failed_since_success: true,
          rows_in: true,
          rows_written: true,
          rows_rejected: true,
          rows_in_24h: true,
          rows_rejected_24h: true,
          retries: true,
          quarantined: true,
        })} FROM v_feed_health ORDER BY feed`,
      ),
      {},
      'feed-health',
    ),
  );
  tableRoute(app, dims, '/api/runs', async ({ feed = null, status = null, limit }, c, select) => {
    await knownFeed(feed);
    return sendTable(
      c,
      await db.query(
        `SELECT ${select({
          run_id: true,
          feed: true,
          trigger: true,
          started_at: true,
          ended_at: true,
          status: true,
          rows_in: true,
          rows_written: true,
          rows_rejected: true,
          watermark_from: true,
          watermark_to: true,
          error: true,
          retries: true,
        })}
         FROM ops_run WHERE ($feed IS NULL OR feed = $feed) AND ($status IS NULL OR status = $status)
         ORDER BY run_id DESC LIMIT $limit`,
        { feed, status, limit },
      ),
      {},
      'runs',
    );
  });
  tableRoute(app, dims, '/api/quarantine', async ({ feed = null, run = null, limit }, c, select) => {
    await knownFeed(feed);
    return sendTable(
      c,
      await db.query(
        `SELECT ${select({ run_id: true, feed: true, natural_key: true, reason: true, payload: true, quarantined_at: true })}
         FROM ops_quarantine WHERE ($feed IS NULL OR feed = $feed) AND ($run IS NULL OR run_id = $run)
         ORDER BY quarantined_at DESC, natural_key LIMIT $limit`,
        { feed, run, limit },
      ),
      {},
      'quarantine',
    );
  });
  tableRoute(app, dims, '/api/calendar/status', async (_q, c, select) =>
    sendTable(
      c,
      await db.query(
        `SELECT ${select({ today: true, official_end: true, days_left: true, warn: true, next_year: true, calendar_end: true, last_import_at: true })}
         FROM v_calendar_status`,
      ),
      {},
      'calendar-status',
    ),
  );
  tableRoute(app, dims, '/api/reports/versions', async ({ region = null, metric = null, period, limit }, c, select) =>
    sendTable(
      c,
      await db.query(
        `SELECT ${select({
          region_code: true,
          period_month: true,
          metric: true,
          version: true,
          value: true,
          submitted_at: true,
          run_id: true,
          is_current: true,
          previous_version: true,
          previous_value: true,
        })}
         FROM v_report_version
         WHERE ($region IS NULL OR region_code = $region) AND ($month IS NULL OR period_month = CAST($month AS DATE))
           AND ($metric IS NULL OR metric = $metric)
         ORDER BY region_code, period_month, metric, version LIMIT $limit`,
        { region, metric, month: period ? `${period}-01` : null, limit },
      ),
      {},
      'report-versions',
    ),
  );
  return app;
}
