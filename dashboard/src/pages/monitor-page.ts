// 指标监测 page: choose metric, region and month; KPI tiles for the headline
// indicators, the region's monthly trend (vertical) and its peers ranked (horizontal).
// State lives in the URL so every view can be shared.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, getMonths, getTable, type HorizontalRow, type Metric, type Region, type VerticalRow } from '../api.js';
import { rankSpec, trendSpec } from '../charts.js';
import { getHeadline, headlineTiles, type HeadlineRows } from '../headline.js';
import { addMonths } from '../../../contracts/periods.js';
import { levelName } from '../../../contracts/format.js';
import { pageStyles } from '../page-styles.js';

interface Selection {
  metric: string;
  region: string;
  period: string;
}

@customElement('si-monitor-page')
export class MonitorPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      .filters { margin: 16px 0; }
      select { min-width: 180px; }
      .tiles { grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
      .charts { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; margin-top: 12px; }
      @media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
      .definition { color: var(--muted); font-size: 0.85rem; margin-top: 8px; }
    `,
  ];

  @state() private regions: Region[] = [];
  @state() private metrics: Metric[] = [];
  @state() private periods: string[] = [];
  private initialPeriod = '';
  @state() private sel: Selection | null = null;
  @state() private trend: VerticalRow[] | null = null;
  @state() private ranking: HorizontalRow[] | null = null;
  @state() private tiles: HeadlineRows = {};
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', () => this.readUrl());
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      const [regions, metrics, periods] = await Promise.all([
        getTable<Region>('/api/regions'),
        getTable<Metric>('/api/metrics'),
        getMonths(),
      ]);
      this.regions = regions;
      this.metrics = metrics;
      ({ months: this.periods, initial: this.initialPeriod } = periods);
      this.readUrl();
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  private readUrl(): void {
    const q = new URLSearchParams(location.search);
    const province = this.regions.find((r) => r.level === 'province');
    this.sel = {
      metric: this.metrics.some((m) => m.code === q.get('metric')) ? q.get('metric')! : 'on_time_rate',
      region: this.regions.some((r) => r.code === q.get('region')) ? q.get('region')! : (province?.code ?? ''),
      period: this.periods.includes(q.get('period') ?? '') ? q.get('period')! : this.initialPeriod,
    };
    void this.load();
  }

  private select(patch: Partial<Selection>): void {
    this.sel = { ...this.sel!, ...patch };
    history.pushState(null, '', `?${new URLSearchParams({ view: 'monitor', ...this.sel })}`);
    void this.load();
  }

  private async load(): Promise<void> {
    const sel = this.sel;
    if (!sel || !sel.period) return;
    const region = this.regions.find((r) => r.code === sel.region)!;
    // Horizontal comparison among siblings; the province is compared across its cities.
    const parent = region.parent_code ?? region.code;
    this.error = '';
    this.trend = null;
    this.ranking = null;
    try {
      const [trend, ranking, tiles] = await Promise.all([
        getTable<VerticalRow>('/api/compare/vertical', { metric: sel.metric, region: sel.region, from: addMonths(sel.period, -23), to: sel.period }),
        getTable<HorizontalRow>('/api/compare/horizontal', { metric: sel.metric, parent, period: sel.period }),
        getHeadline(sel.region, sel.period),
      ]);
      if (sel !== this.sel) return; // a newer selection is loading
      this.trend = trend;
      this.ranking = ranking;
      this.tiles = tiles;
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  private regionOptions() {
    const byParent = new Map<string | null, Region[]>();
    for (const r of this.regions) byParent.set(r.parent_code, [...(byParent.get(r.parent_code) ?? []), r]);
    const out: Region[] = [];
    const walk = (parent: string | null) => {
      for (const r of byParent.get(parent) ?? []) {
        out.push(r);
        walk(r.code);
      }
    };
    walk(null);
    return out.map(
      (r) => html`<option value=${r.code} ?selected=${r.code === this.sel?.region}>
        ${'\u3000'.repeat(r.level === 'province' ? 0 : r.level === 'city' ? 1 : 2)}${r.name}（${levelName(r.level)}）
      </option>`,
    );
  }

  render() {
    const sel = this.sel;
    const metric = this.metrics.find((m) => m.code === sel?.metric);
    const region = this.regions.find((r) => r.code === sel?.region);
    return html`
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      ${sel
        ? html`<div class="filters">
            <label>指标
              <select aria-label="指标" @change=${(e: Event) => this.select({ metric: (e.target as HTMLSelectElement).value })}>
                ${this.metrics.map((m) => html`<option value=${m.code} ?selected=${m.code === sel.metric}>${m.name}</option>`)}
              </select>
            </label>
            <label>地区
              <select aria-label="地区" @change=${(e: Event) => this.select({ region: (e.target as HTMLSelectElement).value })}>${this.regionOptions()}</select>
            </label>
            <label>月份
              <select aria-label="月份" @change=${(e: Event) => this.select({ period: (e.target as HTMLSelectElement).value })}>
                ${this.periods.map((p) => html`<option value=${p} ?selected=${p === sel.period}>${p}</option>`)}
              </select>
            </label>
          </div>`
        : html`<div class="loading">正在加载…</div>`}
      ${sel && !sel.period && !this.error ? html`<div class="empty">暂无数据：采集器正在回填历史数据，请稍候刷新。</div>` : nothing}
      <section class="tiles" aria-label="核心指标">
        ${headlineTiles(this.metrics, this.tiles)}
      </section>
      <section class="charts">
        <div class="panel" data-testid="trend">
          ${this.trend === null
            ? html`<div class="loading">正在加载…</div>`
            : this.trend.length === 0
              ? html`<div class="empty">该地区暂无此指标数据</div>`
              : html`<si-vega-chart .spec=${trendSpec(this.trend, metric!, region!.name)}></si-vega-chart>`}
          ${metric ? html`<div class="definition">口径：${metric.definition}</div>` : nothing}
        </div>
        <div class="panel" data-testid="ranking">
          ${this.ranking === null
            ? html`<div class="loading">正在加载…</div>`
            : this.ranking.length === 0
              ? html`<div class="empty">该期暂无同级地区数据</div>`
              : html`<si-vega-chart .spec=${rankSpec(this.ranking, metric!, sel!.region)}></si-vega-chart>`}
        </div>
      </section>
    `;
  }
}
