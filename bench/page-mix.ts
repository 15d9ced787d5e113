// The bench's request mix: the data requests the overview, agency and score pages make when
// users open them, built with the URL builders the dashboard uses (contracts/urls.ts) from the
// pages' selections — the overview of the province and of each city, the agency view of every
// city and of counties across the cities, the score page of the province and the cities —
// over recent months and years. Reference data (regions, metrics, catalogue, periods,
// schemes), read once per session, and the session itself are left out, as in the browser
// check of what a page costs (test/browser/page-requests.browser.test.ts).
import { itemsOf } from '../contracts/regions.js';
import type { CatalogueRow, MetricRow, PeriodRow, RegionRow } from '../contracts/rows.js';
import { HEADLINE, pageUrl, tableUrl } from '../contracts/urls.js';

export interface Reference {
  regions: RegionRow[];
  metrics: MetricRow[];
  catalogue: CatalogueRow[];
  /** Months with data, oldest first (GET /api/periods?period_type=month). */
  months: PeriodRow[];
}

/** One page opened with one selection: the requests it makes for its data. */
export interface Visit {
  page: 'overview' | 'agency' | 'scores';
  urls: string[];
}

const SCHEME = 'standard';

/** Every `step`-th county, so the agency views spread over every city. */
const sample = <T>(xs: T[], step: number) => xs.filter((_, i) => i % step === 0);

export function pageVisits(ref: Reference, { months = 6, countyStep = 3 } = {}): Visit[] {
  const recent = ref.months.slice(-months).map((m) => m.period);
  const years = [...new Set(recent.map((m) => m.slice(0, 4)))];
  const province = ref.regions.filter((r) => r.level === 'province');
  const cities = ref.regions.filter((r) => r.level === 'city');
  const counties = sample(
    ref.regions.filter((r) => r.level === 'county'),
    countyStep,
  );
  const items = itemsOf(ref.catalogue, ref.metrics);
  const visits: Visit[] = [];
  // The overview of each region and month, the metric and the item of the small multiples varied.
  const overviews = [...province, ...cities];
  for (const [r, region] of overviews.entries())
    for (const [p, period] of recent.entries()) {
      const pick = r + p;
      const query = { region: region.code, period, metric: HEADLINE[pick % HEADLINE.length], item: items[pick % items.length]?.key, scheme: SCHEME };
      visits.push({ page: 'overview', urls: [pageUrl('/api/pages/overview', query)] });
    }
  // The agency view: the year's panels and the focused metric (限时办结率 as it opens).
  for (const region of [...cities, ...counties])
    for (const year of years)
      visits.push({
        page: 'agency',
        urls: [
          pageUrl('/api/pages/agency', { region: region.code, year, scheme: SCHEME }),
          tableUrl('/api/scores/indicator-series', {
            scheme: SCHEME,
            region: region.code,
            metric: 'on_time_rate',
            period_type: 'month',
            from: `${year}-01`,
            to: `${year}-12`,
          }),
        ],
      });
  // The score page as it opens (the default month) and on each recent month.
  for (const region of [...province, ...cities])
    for (const period of [undefined, ...recent.slice(-3)])
      visits.push({ page: 'scores', urls: [pageUrl('/api/pages/scores', { scheme: SCHEME, region: region.code, period })] });
  return visits;
}

/** The visits' requests, interleaved across pages (a fixed shuffle, the same every run). */
export function requestMix(visits: Visit[]): string[] {
  const urls = visits.flatMap((v) => v.urls);
  let seed = 17;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = urls.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [urls[i], urls[j]] = [urls[j], urls[i]];
  }
  return urls;
}

/** What opening each page costs: its data requests (the most any of its visits makes). */
export function requestsPerPage(visits: Visit[]): Record<Visit['page'], number> {
  const out = { overview: 0, agency: 0, scores: 0 };
  for (const v of visits) out[v.page] = Math.max(out[v.page], v.urls.length);
  return out;
}
