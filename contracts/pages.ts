// The page endpoints: each of the overview, agency and score pages gets its panels' rows from
// one request, batched by the server from the table endpoints' reads (each panel's rows are
// exactly those of the table endpoint named beside it, same contract, same query). The
// dashboard types its page loads by this table (imported as types only), the bench builds the
// pages' URLs with it, and the routes are registered from it (api/routes/pages.ts).
import { z } from 'zod';
import type { FrozenResult } from './evaluation.js';
import type { CodeKind } from './query.js';
import * as q from './query.js';
import * as rows from './rows.js';

const list = <R extends z.ZodType>(row: R) => z.array(row);
/** /api/evaluation/frozen: the region's latest frozen result for the year, null when none. */
const frozen = z.custom<FrozenResult>().nullable();

export const overviewPage = z.object({
  /** /api/compare/vertical for each HEADLINE metric at the month (null: no value). */
  tiles: z.record(z.string(), rows.verticalRow.nullable()),
  /** /api/scores/indicators at the month (the tiles' targets; none when the month is not scored). */
  indicators: list(rows.scoreTargetRow),
  /** /api/compare/horizontal of the metric under the region's scope (scopeOf). */
  ranking: list(rows.horizontalRow),
  /** /api/movers (8) under the scope: at the province of the chosen level, else counties. */
  movers: list(rows.moverRow),
  /** /api/alerts (30) of the region. */
  alerts: list(rows.alertRow),
  /** /api/heatmap of the scope's children over the 12 months to the month. */
  heat: list(rows.heatRow),
  /** /api/compare/vertical of each metric of the item over those months, with its name. */
  multiples: list(rows.verticalRow.extend({ metric_name: z.string() })),
  /** /api/scores/ranking under the scope. */
  scoreRanking: list(rows.scoreRankRow),
  /** The month's row of /api/scores (month) of the region, null when not scored. */
  score: rows.scoreRow.nullable(),
});

export const agencyPage = z.object({
  /** /api/peer-series by month over the year, and for the year. */
  months: list(rows.peerSeriesRow),
  annual: list(rows.peerSeriesRow),
  /** /api/alerts (20) of the region. */
  alerts: list(rows.alertRow),
  /** The year's rows of /api/scores (month). */
  scores: list(rows.scoreRow),
  /** Of those, the default month's (/api/periods), else the last; null when none. */
  latest: rows.scoreRow.nullable(),
  /** /api/scores/lost (10) year to date through the latest month. */
  lift: list(rows.lostRow),
  /** /api/scores/indicators (month) at the latest month: the charts' targets (none without a latest). */
  indicators: list(rows.scoreTargetRow),
  /** The month of the service KPIs: the default month (/api/periods) when in the year, else its December. */
  kpiPeriod: z.string(),
  /** /api/service-kpis of the region at that month. */
  kpis: list(rows.serviceKpiRow),
  /** The year's frozen result. */
  frozen,
});

export const scorePage = z.object({
  /** /api/scores of the scheme, region and period type. */
  totals: list(rows.scoreRow),
  /** The period shown: the one asked for when scored, else the default month (/api/periods) when scored, else the last ('' when none). */
  period: z.string(),
  /** /api/scores/items, /api/scores/indicators and /api/scores/lost (10) at that period. */
  items: list(rows.scoreItemRow),
  indicators: list(rows.scoreTargetRow),
  lost: list(rows.lostRow),
  /** The frozen result of that period's year. */
  frozen,
});

type QuerySchema = z.ZodType<unknown, Record<string, string | undefined>>;

interface PageEndpoint<Q extends QuerySchema, D extends z.ZodType> {
  query: Q;
  data: D;
  /** Parameters that must name a loaded code of a dimension. */
  codes: { readonly [K in keyof z.input<Q>]?: CodeKind };
}

const page = <Q extends QuerySchema, D extends z.ZodType>(query: Q, data: D, codes: PageEndpoint<Q, D>['codes']): PageEndpoint<Q, D> => ({
  query,
  data,
  codes,
});

export const PAGE_ENDPOINTS = {
  '/api/pages/overview': page(q.overviewPageQuery, overviewPage, { region: 'region', metric: 'metric', scheme: 'scheme' }),
  '/api/pages/agency': page(q.agencyPageQuery, agencyPage, { region: 'region', scheme: 'scheme' }),
  '/api/pages/scores': page(q.scorePageQuery, scorePage, { region: 'region', scheme: 'scheme' }),
};

export type PagePath = keyof typeof PAGE_ENDPOINTS;
/** A page endpoint's answer. */
export type PageOf<P extends PagePath> = z.output<(typeof PAGE_ENDPOINTS)[P]['data']>;
/** Its query parameters as a request gives them. */
export type PageQueryOf<P extends PagePath> = z.input<(typeof PAGE_ENDPOINTS)[P]['query']>;
