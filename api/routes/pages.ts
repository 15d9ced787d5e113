// The page endpoints (contracts/pages.ts): the overview, agency and score pages each get their
// panels in one request. A page's selection is turned into each panel's table-endpoint query the
// way the page did it (contracts/regions.ts), and each panel is that endpoint's read
// (api/table-route.ts readRows) through the read cache, so its rows are the table endpoint's and
// nothing is recomputed. Every panel's query must also pass its table endpoint's scope rule
// (api/route-rules.ts): a page shows nothing its panels' endpoints would refuse.
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { API_PREFIX, type QueryOf, type RowOf } from '../../contracts/endpoints.js';
import type { FrozenResult } from '../../contracts/evaluation.js';
import { PAGE_ENDPOINTS, type PageOf, type PagePath } from '../../contracts/pages.js';
import { addMonths } from '../../contracts/periods.js';
import { itemsOf, scopeOf } from '../../contracts/regions.js';
import { HEADLINE } from '../../contracts/urls.js';
import { accessOf, outOfScope } from '../access.js';
import { compressedBody, type JsonBody, sendJson } from '../json-body.js';
import type { Dims } from '../dims.js';
import { ROUTE_RULES } from '../route-rules.js';
import { readRows, type TableReads } from '../table-route.js';
import { BadRequest, shown, validQuery } from '../validate.js';

/** The table endpoints the pages' panels are read from. */
export type PanelPath =
  | '/api/regions'
  | '/api/metrics'
  | '/api/catalogue'
  | '/api/service-kpis'
  | '/api/periods'
  | '/api/compare/vertical'
  | '/api/compare/horizontal'
  | '/api/movers'
  | '/api/heatmap'
  | '/api/peer-series'
  | '/api/alerts'
  | '/api/scores'
  | '/api/scores/items'
  | '/api/scores/indicators'
  | '/api/scores/lost'
  | '/api/scores/ranking';

/** A panel's rows: the table endpoint's answer to the query, if the caller may ask it. */
type Get = <P extends PanelPath>(path: P, params: QueryOf<P>) => Promise<RowOf<P>[]>;
/** /api/evaluation/frozen's answer: the region's latest frozen result for a year and scheme. */
export type FrozenFor = (region: string, year: number, scheme: string) => Promise<FrozenResult | null>;
/** A page's body, made by `make` or reused while the reads it was made from stand (Database.derived). */
export type Derive = (key: string, make: () => Promise<{ body: JsonBody; bytes: number }>) => Promise<{ body: JsonBody }>;

type Query<P extends PagePath> = ReturnType<(typeof PAGE_ENDPOINTS)[P]['query']['parse']>;
type Build<P extends PagePath> = (query: Query<P>, get: Get, frozen: FrozenFor) => Promise<PageOf<P>>;

const TOP_MOVERS = '8';
const TOP_LOST = '10';

/** The month every page opens on (/api/periods: the latest complete one). */
async function defaultMonth(get: Get): Promise<string | undefined> {
  return (await get('/api/periods', { period_type: 'month' })).find((p) => p.is_default)?.period;
}

const overview: Build<'/api/pages/overview'> = async ({ region, period, metric, item: itemKey, movers, scheme }, get) => {
  const [regions, metrics, catalogue] = await Promise.all([get('/api/regions', {}), get('/api/metrics', {}), get('/api/catalogue', {})]);
  const item = itemKey ? itemsOf(catalogue, metrics).find((i) => i.key === itemKey) : undefined;
  if (itemKey && !item) throw new BadRequest(`unknown item '${shown(itemKey)}' in parameter 'item': no second-level item with computed metrics has that name`);
  const parent = scopeOf(regions, region).code;
  const level = regions.find((r) => r.code === region)?.level === 'province' ? movers : 'county';
  const from = addMonths(period, -11);
  const [tiles, ranking, moverRows, alerts, heat, multiples, scoreRanking, scores] = await Promise.all([
    Promise.all(HEADLINE.map((m) => get('/api/compare/vertical', { metric: m, region, from: period, to: period }))),
    get('/api/compare/horizontal', { metric, parent, period }),
    get('/api/movers', { metric, region: parent, level, period, limit: TOP_MOVERS }),
    get('/api/alerts', { region, limit: '30' }),
    get('/api/heatmap', { metric, parent, from, to: period }),
    Promise.all((item?.metrics ?? []).map((m) => get('/api/compare/vertical', { metric: m.code, region, from, to: period }))),
    get('/api/scores/ranking', { scheme, parent, period }),
    get('/api/scores', { scheme, region, period_type: 'month' }),
  ]);
  const score = scores.find((s) => s.period === period) ?? null;
  return {
    tiles: Object.fromEntries(HEADLINE.map((m, i) => [m, tiles[i][0] ?? null])),
    indicators: score ? await get('/api/scores/indicators', { scheme, region, period_type: 'month', period }) : [],
    ranking,
    movers: moverRows,
    alerts,
    heat,
    multiples: multiples.flatMap((rows, i) => rows.map((r) => ({ ...r, metric_name: item!.metrics[i].name }))),
    scoreRanking,
    score,
  };
};

const agency: Build<'/api/pages/agency'> = async ({ region, year, scheme }, get, frozenFor) => {
  const [months, annual, alerts, allScores, initial, frozen] = await Promise.all([
    get('/api/peer-series', { region, period_type: 'month', from: `${year}-01`, to: `${year}-12` }),
    get('/api/peer-series', { region, period_type: 'year', from: year, to: year }),
    get('/api/alerts', { region, limit: '20' }),
    get('/api/scores', { scheme, region, period_type: 'month' }),
    defaultMonth(get),
    frozenFor(region, Number(year), scheme),
  ]);
  const scores = allScores.filter((s) => s.period.startsWith(`${year}-`));
  const latest = scores.find((s) => s.period === initial) ?? scores.at(-1) ?? null;
  // The service KPIs of the month the pages open on when it is in the year, else of the year's December.
  const kpiPeriod = initial?.startsWith(`${year}-`) ? initial : `${year}-12`;
  const [lift, indicators, kpis] = await Promise.all([
    // What lost points in the year to date through that month (v_score_lost): what would lift the grade most.
    latest ? get('/api/scores/lost', { scheme, region, period_type: 'ytd', period: latest.period, limit: TOP_LOST }) : [],
    // That month's scored indicators: the charts' targets and floors.
    latest ? get('/api/scores/indicators', { scheme, region, period_type: 'month', period: latest.period }) : [],
    get('/api/service-kpis', { region, period_type: 'month', period: kpiPeriod }),
  ]);
  return { months, annual, alerts, scores, latest, lift, indicators, kpiPeriod, kpis, frozen };
};

const scores: Build<'/api/pages/scores'> = async ({ scheme, region, period_type, period: asked }, get, frozenFor) => {
  const [totals, initial] = await Promise.all([get('/api/scores', { scheme, region, period_type }), defaultMonth(get)]);
  const fallback = (period_type === 'month' && totals.find((t) => t.period === initial)) || totals.at(-1);
  const period = totals.some((t) => t.period === asked) ? asked! : (fallback?.period ?? '');
  if (!period) return { totals, period, items: [], indicators: [], lost: [], frozen: null };
  const params = { scheme, region, period_type, period };
  const [items, indicators, lost, frozen] = await Promise.all([
    get('/api/scores/items', params),
    get('/api/scores/indicators', params),
    get('/api/scores/lost', { ...params, limit: TOP_LOST }),
    frozenFor(region, Number(period.slice(0, 4)), scheme),
  ]);
  return { totals, period, items, indicators, lost, frozen };
};

const BUILDS: { [P in PagePath]: Build<P> } = { '/api/pages/overview': overview, '/api/pages/agency': agency, '/api/pages/scores': scores };

/** The panels' reads for one request: each refused as its table endpoint would refuse it. */
function panelsFor(c: Context, reads: TableReads<PanelPath>): Get {
  const { scope } = accessOf(c);
  return (path, params) => {
    const rule = ROUTE_RULES[`GET ${path}`];
    const refused = outOfScope(scope, rule, rule.scope && (params as Record<string, string | undefined>)[rule.scope.param]);
    if (refused) throw new HTTPException(403, { message: refused });
    return readRows(reads, path, params);
  };
}

export function pageRoutes(reads: TableReads<PanelPath>, dims: Dims, frozenFor: FrozenFor, derive: Derive): Hono {
  const app = new Hono();
  for (const path of Object.keys(PAGE_ENDPOINTS) as PagePath[]) {
    const { query, codes } = PAGE_ENDPOINTS[path];
    const build = BUILDS[path] as Build<PagePath>;
    app.get(path.slice(API_PREFIX.length), validQuery(query, codes, dims), async (c) => {
      const format = c.req.query('format');
      if (format !== undefined && format !== 'json')
        throw new BadRequest(`parameter 'format' must be json for a page; got '${shown(format)}' (CSV and XLSX come from each panel's table endpoint)`);
      // A page depends on its query and on what its panels' reads answer; its refusals on the
      // user's scope: users of one scope share its bodies.
      const key = `${accessOf(c).scope.key}\u0000${c.req.url}`;
      const { body } = await derive(key, async () => compressedBody(await build(c.req.valid('query') as Query<PagePath>, panelsFor(c, reads), frozenFor)));
      return sendJson(c, body);
    });
  }
  return app;
}
