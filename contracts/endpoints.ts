// The API's table endpoints: for each path, the schema of its query parameters, which of
// them name codes of a dimension, and the contract of its rows. The routes are registered
// from this table (api/table-route.ts) and the dashboard's getTable is typed by it, so a
// column renamed here fails to compile in the route that selects it and in every page that
// reads it. The dashboard imports this module as types only.
import { z } from 'zod';
import type { CodeKind } from './query.js';
import * as q from './query.js';
import * as rows from './rows.js';

export const API_PREFIX = '/api';

type QuerySchema = z.ZodType<unknown, Record<string, string | undefined>>;

interface Endpoint<Q extends QuerySchema, R extends z.ZodObject> {
  query: Q;
  row: R;
  /** Parameters that must name a loaded code of a dimension. */
  codes: { readonly [K in keyof z.input<Q>]?: CodeKind };
}

const NO_QUERY = z.object({});

function table<R extends z.ZodObject, Q extends QuerySchema = typeof NO_QUERY>(row: R, query?: Q, codes: Endpoint<Q, R>['codes'] = {}): Endpoint<Q, R> {
  return { row, query: query ?? (NO_QUERY as unknown as Q), codes };
}

const series = { metric: 'metric', region: 'region' } as const;
const score = { scheme: 'scheme', region: 'region' } as const;

export const ENDPOINTS = {
  '/api/regions': table(rows.regionRow),
  '/api/metrics': table(rows.metricRow),
  '/api/catalogue': table(rows.catalogueRow),
  '/api/values': table(rows.valueRow, q.seriesQuery, series),
  '/api/service-kpis': table(rows.serviceKpiRow, q.serviceKpiQuery, { region: 'region' }),
  '/api/compare/vertical': table(rows.verticalRow, q.seriesQuery, series),
  '/api/compare/horizontal': table(rows.horizontalRow, q.horizontalQuery, { metric: 'metric', parent: 'region' }),
  '/api/periods': table(rows.periodRow, q.periodsQuery),
  '/api/movers': table(rows.moverRow, q.moversQuery, series),
  '/api/heatmap': table(rows.heatRow, q.heatmapQuery, { metric: 'metric', parent: 'region' }),
  '/api/peer-series': table(rows.peerSeriesRow, q.peerSeriesQuery, { region: 'region' }),
  '/api/alerts': table(rows.alertRow, q.alertsQuery, { region: 'region' }),
  '/api/alert-rules': table(rows.alertRuleRow),
  '/api/schemes': table(rows.schemeRow),
  '/api/scores': table(rows.scoreRow, q.scoresQuery, score),
  '/api/scores/items': table(rows.scoreItemRow, q.scoreAtQuery, score),
  '/api/scores/indicators': table(rows.scoreTargetRow, q.scoreIndicatorsQuery, score),
  '/api/scores/indicator-series': table(rows.scoreTargetRow, q.scoreSeriesQuery, { ...score, metric: 'metric' }),
  '/api/scores/lost': table(rows.lostRow, q.scoreLostQuery, score),
  '/api/scores/ranking': table(rows.scoreRankRow, q.scoreRankingQuery, { scheme: 'scheme', parent: 'region' }),
  '/api/feeds/health': table(rows.feedHealthRow),
  '/api/runs': table(rows.runRow, q.runsQuery),
  '/api/quarantine': table(rows.quarantineRow, q.quarantineQuery),
  '/api/calendar/status': table(rows.calendarStatusRow),
  '/api/reports/versions': table(rows.reportVersionRow, q.reportVersionsQuery, { region: 'region', metric: 'figure' }),
  '/api/sql/saved': table(rows.savedQueryRow),
  '/api/sql/schema': table(rows.catalogObjectRow),
  '/api/sql/examples': table(rows.exampleRow),
  '/api/audit': table(rows.auditRow, q.auditQuery),
};

export type Endpoints = typeof ENDPOINTS;
export type TablePath = keyof Endpoints;
/** A row of the endpoint's response. */
export type RowOf<P extends TablePath> = z.output<Endpoints[P]['row']>;
/** The endpoint's query parameters as a request gives them (strings; defaulted ones optional). */
export type QueryOf<P extends TablePath> = z.input<Endpoints[P]['query']>;
/** The endpoint's query parameters once validated, defaults filled in. */
export type ParsedQueryOf<P extends TablePath> = z.output<Endpoints[P]['query']>;
