// 全省概览 (leadership): opens on the province. Headline tiles with 环比/同比 and the
// region's score and grade, the regions one level down ranked on their score totals (under
// the chosen scheme) or on the chosen metric (click to drill down province → city →
// county, breadcrumbs back up), the month's biggest movers, open alerts, a regions ×
// months heat map and small multiples of one second-level item. Everything is in the
// URL; the page reloads itself when a collector run lands.
import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { HorizontalRow, RegionRow, SchemeRow, ScoreRankRow, ScoreTargetRow } from '../../../contracts/rows.js';
import { DEFAULT_SCHEME, getMonths, getPage, getReference, monthLabel, getTable, type MonthList, type Reference } from '../api.js';
import { headlineOf, headlineTiles } from '../headline.js';
import { addMonths } from '../../../contracts/periods.js';
import { heatmapSpec, smallMultiplesSpec } from '../overview-charts.js';
import { NOTHING, PageController, pick } from '../page-controller.js';
import { loadState, pageLoading, staleNote } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import { levelName } from '../../../contracts/format.js';
import { childrenOf, itemsOf, scopeOf, trailOf } from '../regions.js';
import { schemeSelect } from '../scheme-select.js';
import '../components/alert-list.js';
import '../components/breadcrumbs.js';
import '../components/live-status.js';
import '../components/mover-list.js';
import '../components/region-ranking.js';
import '../components/score-tile.js';
import { dictionaryLink } from '../dictionary-link.js';
import { tableExport } from '../components/table-export.js';

interface Ref {
  ref: Reference;
  months: MonthList;
  schemes: SchemeRow[];
}

@customElement('si-overview-page')
export class OverviewPage extends LitElement {
  static styles = pageStyles;

  private readonly page = new PageController(this, {
    view: 'overview',
    reference: async (): Promise<Ref> => {
      const [ref, months, schemes] = await Promise.all([getReference(), getMonths(), getTable('/api/schemes')]);
      return { ref, months, schemes };
    },
    read: (q, { ref, months, schemes }) => {
      const items = itemsOf(ref.catalogue, ref.metrics);
      const province = ref.regions.find((r) => r.level === 'province');
      return {
        region: pick(
          q.get('region'),
          ref.regions.map((r) => r.code),
          province?.code ?? '',
        ),
        metric: pick(
          q.get('metric'),
          ref.metrics.map((m) => m.code),
          'on_time_rate',
        ),
        period: pick(q.get('period'), months.months, months.initial),
        item: pick(
          q.get('item'),
          items.map((i) => i.key),
          items[0]?.key ?? '',
        ),
        movers: pick(q.get('movers'), ['city', 'county'] as const, 'county'),
        scheme: pick(
          q.get('scheme'),
          schemes.map((s) => s.code),
          DEFAULT_SCHEME,
        ),
        rank: pick(q.get('rank'), ['score', 'metric'] as const, 'score'),
      };
    },
  });

  // Everything on the page but the ranking's basis, which only changes what is shown: one
  // request, the server batching the panels (GET /api/pages/overview).
  private readonly data = this.page.load(
    async ({ rank: _shown, item, ...sel }) => {
      if (!sel.period) return NOTHING;
      const { indicators, ...data } = await getPage('/api/pages/overview', { ...sel, item: item || undefined });
      return { ...data, tiles: headlineOf(data.tiles, indicators) };
    },
    ({ rank: _shown, ...loaded }) => Object.values(loaded),
  );

  private panel<T>(
    title: string,
    testid: string,
    exports: unknown,
    rows: T[] | undefined,
    empty: string,
    body: (rows: T[]) => unknown,
    wide = false,
    minHeight = 320,
  ) {
    return html`<section class="panel ${wide ? 'wide' : ''}" data-testid=${testid} aria-label=${title} aria-busy=${this.data.pending} style="min-height:${minHeight}px">
      ${exports}<h2>${title}</h2>
      ${loadState(this.data, rows, empty, body)}
    </section>`;
  }

  /** The regions ranked, the development zones (功能区) apart: they are ranked among zones only
   * (their rank and median are their peer group's, dim_region_peer), never among counties. */
  private ranking(regions: RegionRow[], rows: (HorizontalRow | ScoreRankRow)[], unit: string, highlight: string, target: ScoreTargetRow | null) {
    const { page } = this;
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const isZone = (row: { region_code: string }) => byCode.get(row.region_code)?.kind === 'zone';
    const zones = rows.filter(isZone);
    const table = (shown: typeof rows, testid: string) =>
      html`<si-region-ranking data-testid=${testid} .rows=${shown} .unit=${unit} highlight=${highlight} .target=${target}
        .href=${(code: string) => page.href({ region: code })} @drill=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-region-ranking>`;
    const zoneScope = zones.length ? regions.find((r) => r.code === byCode.get(zones[0].region_code)?.peer_scope) : undefined;
    return html`${table(
      rows.filter((r) => !isZone(r)),
      'division-ranking',
    )}${zones.length ? html`<h3>功能区（在${zoneScope?.name ?? ''}各功能区中排名）</h3>${table(zones, 'zone-ranking')}` : nothing}`;
  }

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { ref, months, schemes } = page.ref;
    const data = this.data.value;
    const region = ref.regions.find((r) => r.code === sel.region)!;
    const metric = ref.metrics.find((m) => m.code === sel.metric)!;
    const scope = scopeOf(ref.regions, region.code);
    const peers = childrenOf(ref.regions, scope.code);
    const peerLevel = levelName(peers[0]?.level ?? 'county');
    const items = itemsOf(ref.catalogue, ref.metrics);
    const item = items.find((i) => i.key === sel.item);
    const moverLevel = region.level === 'province' ? sel.movers : 'county';
    const scheme = schemes.find((s) => s.code === sel.scheme);
    const byScore = sel.rank === 'score';
    const from = addMonths(sel.period, -11);
    const rankingTitle = `${scope.name} · 各${peerLevel}${byScore ? '综合得分' : metric.name}排名（${sel.period}）`;
    const heatTitle = `各${peerLevel}×月份热力图 · ${metric.name}（格内数字为当月同级排名）`;
    return html`
      <div class="bar">
        <si-breadcrumbs .trail=${trailOf(ref.regions, region.code)} .href=${(code: string) => page.href({ region: code })}
          @navigate=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-breadcrumbs>
        <si-live-status .updatedAt=${page.updatedAt}></si-live-status>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      <div class="filters">
        <label>指标
          <select aria-label="指标" @change=${(e: Event) => page.select({ metric: (e.target as HTMLSelectElement).value })}>
            ${ref.metrics.map((m) => html`<option value=${m.code} ?selected=${m.code === sel.metric}>${m.name}</option>`)}
          </select>
        </label>
        ${schemeSelect(schemes, sel.scheme, (code) => page.select({ scheme: code }))}
        <label>排名依据
          <select aria-label="排名依据" @change=${(e: Event) => page.select({ rank: (e.target as HTMLSelectElement).value as 'score' | 'metric' })}>
            <option value="score" ?selected=${byScore}>综合得分</option>
            <option value="metric" ?selected=${!byScore}>所选指标</option>
          </select>
        </label>
        <label>月份
          <select aria-label="月份" @change=${(e: Event) => page.select({ period: (e.target as HTMLSelectElement).value })}>
            ${months.months.map((p) => html`<option value=${p} ?selected=${p === sel.period}>${monthLabel(months, p)}</option>`)}
          </select>
        </label>
      </div>
      ${!sel.period ? html`<div class="empty">暂无数据：采集器正在回填历史数据，数据到达后本页自动更新。</div>` : nothing}
      ${staleNote(this.data)}
      <section class="tiles" aria-label="核心指标" style="margin-top:12px">
        <si-score-tile data-testid="score-tile" .label=${`${region.name} · 综合得分（${scheme?.name ?? sel.scheme}）`} .score=${data?.score ?? null}></si-score-tile>
        ${headlineTiles(ref.metrics, data?.tiles)}
      </section>
      <div class="grid">
        ${this.panel<HorizontalRow | ScoreRankRow>(
          rankingTitle,
          'ranking',
          byScore
            ? tableExport('/api/scores/ranking', { scheme: sel.scheme, parent: scope.code, period: sel.period })
            : tableExport('/api/compare/horizontal', { metric: sel.metric, parent: scope.code, period: sel.period }),
          byScore ? data?.scoreRanking : data?.ranking,
          `该月暂无各${peerLevel}${byScore ? '评分' : '数据'}`,
          (rows) =>
            html`${this.ranking(ref.regions, rows, byScore ? '分' : metric.unit, region.code, byScore ? null : (data?.tiles.targets[sel.metric] ?? null))}
            <div class="note">点击地区名称查看该地区；橙色条为差于同级中位数。${
              byScore
                ? `得分：当月指标值按“${scheme?.name ?? sel.scheme}”计分（人工评价指标未评分时计0分）。`
                : html`口径：${metric.definition} ${dictionaryLink({ metric: metric.code })}`
            }</div>`,
        )}
        <section class="panel" data-testid="movers" aria-label="本月变化最大" aria-busy=${this.data.pending}>
          ${tableExport('/api/movers', {
            metric: sel.metric,
            region: scope.code,
            level: moverLevel,
            period: sel.period,
            limit: '8',
          })}
          <h2>本月变化最大的${levelName(moverLevel)}（环比）</h2>
          ${
            region.level === 'province'
              ? html`<label>范围
                <select aria-label="变化范围" @change=${(e: Event) => page.select({ movers: (e.target as HTMLSelectElement).value as 'city' | 'county' })}>
                  <option value="county" ?selected=${sel.movers === 'county'}>全部县（区）</option>
                  <option value="city" ?selected=${sel.movers === 'city'}>各市</option>
                </select></label>`
              : nothing
          }
          ${loadState(this.data, data?.movers, '暂无上月可比数据', (rows) => html`<si-mover-list .rows=${rows} .metric=${metric}></si-mover-list>`)}
        </section>
        ${this.panel(`预警（未解除）`, 'alerts', tableExport('/api/alerts', { region: sel.region, limit: '30' }), data?.alerts, '当前没有未解除的预警', () => html`<si-alert-list .rows=${data!.alerts}></si-alert-list>`)}
        ${this.panel(
          heatTitle,
          'heatmap',
          tableExport('/api/heatmap', { metric: sel.metric, parent: scope.code, from, to: sel.period }),
          data?.heat,
          '暂无数据',
          () => html`<si-vega-chart .spec=${heatmapSpec(data!.heat, metric, `${scope.name}各${peerLevel} · ${metric.name}`)}></si-vega-chart>`,
          true,
          peers.length * 22 + 150,
        )}
        <section class="panel wide" data-testid="multiples" aria-label="二级项目指标">
          <h2>二级项目指标一览 · ${region.name}</h2>
          <label>二级项目
            <select aria-label="二级项目" @change=${(e: Event) => page.select({ item: (e.target as HTMLSelectElement).value })}>
              ${items.map((i) => html`<option value=${i.key} ?selected=${i.key === sel.item}>${i.key}（${i.metrics.length}项）</option>`)}
            </select>
          </label>
          ${loadState(
            this.data,
            data?.multiples,
            '该二级项目暂无可计算的指标数据',
            (rows) => html`<si-vega-chart .spec=${smallMultiplesSpec(rows, `${item?.key ?? ''} · 近12个月`, data!.tiles.targets)}></si-vega-chart>`,
          )}
        </section>
      </div>
    `;
  }
}
