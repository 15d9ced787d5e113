// 指标监测 page: choose metric, region and month; KPI tiles for the headline
// indicators, the region's monthly trend (vertical) and its peers ranked (horizontal).
// State lives in the URL so every view can be shared.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getMonths, getReference, monthLabel, getTable, type MonthList, type Reference } from '../api.js';
import { rankSpec, trendSpec } from '../charts.js';
import { getHeadline, headlineTiles } from '../headline.js';
import { addMonths } from '../../../contracts/periods.js';
import { NOTHING, PageController, pick } from '../page-controller.js';
import { dictionaryLink } from '../dictionary-link.js';
import { tableExport } from '../components/table-export.js';
import { loadState, pageLoading, staleNote } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import '../components/region-picker.js';
import '../components/live-status.js';

@customElement('si-monitor-page')
export class MonitorPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      select { min-width: 180px; }
      .tiles { grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
      .charts { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; margin-top: 12px; }
      @media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
      .definition { color: var(--muted); font-size: 0.85rem; margin-top: 8px; }
    `,
  ];

  private readonly page = new PageController(this, {
    view: 'monitor',
    reference: async (): Promise<{ ref: Reference; months: MonthList }> => {
      const [ref, months] = await Promise.all([getReference(), getMonths()]);
      return { ref, months };
    },
    read: (q, { ref, months }) => ({
      metric: pick(
        q.get('metric'),
        ref.metrics.map((m) => m.code),
        'on_time_rate',
      ),
      region: pick(
        q.get('region'),
        ref.regions.map((r) => r.code),
        ref.regions.find((r) => r.level === 'province')?.code ?? '',
      ),
      period: pick(q.get('period'), months.months, months.initial),
    }),
  });

  private readonly data = this.page.load(async (sel, { ref }) => {
    if (!sel.period) return NOTHING;
    const region = ref.regions.find((r) => r.code === sel.region)!;
    // Horizontal comparison among siblings; the province is compared across its cities.
    const parent = region.parent_code ?? region.code;
    const [trend, ranking, tiles] = await Promise.all([
      getTable('/api/compare/vertical', { metric: sel.metric, region: sel.region, from: addMonths(sel.period, -23), to: sel.period }),
      getTable('/api/compare/horizontal', { metric: sel.metric, parent, period: sel.period }),
      getHeadline(sel.region, sel.period),
    ]);
    return { trend, ranking, tiles };
  });

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { ref, months } = page.ref;
    const metric = ref.metrics.find((m) => m.code === sel.metric)!;
    const region = ref.regions.find((r) => r.code === sel.region)!;
    const data = this.data.value;
    return html`
      <div class="bar">
        <div class="filters">
          <label>指标
            <select aria-label="指标" @change=${(e: Event) => page.select({ metric: (e.target as HTMLSelectElement).value })}>
              ${ref.metrics.map((m) => html`<option value=${m.code} ?selected=${m.code === sel.metric}>${m.name}</option>`)}
            </select>
          </label>
          <si-region-picker .regions=${ref.regions} .value=${sel.region} @change=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-region-picker>
          <label>月份
            <select aria-label="月份" @change=${(e: Event) => page.select({ period: (e.target as HTMLSelectElement).value })}>
              ${months.months.map((p) => html`<option value=${p} ?selected=${p === sel.period}>${monthLabel(months, p)}</option>`)}
            </select>
          </label>
        </div>
        <si-live-status .updatedAt=${page.updatedAt}></si-live-status>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      ${!sel.period ? html`<div class="empty">暂无数据：采集器正在回填历史数据，数据到达后本页自动更新。</div>` : nothing}
      ${staleNote(this.data)}
      <section class="tiles" aria-label="核心指标">
        ${headlineTiles(ref.metrics, data?.tiles)}
      </section>
      <section class="charts" aria-busy=${this.data.pending}>
        <div class="panel" data-testid="trend">
          ${tableExport('/api/compare/vertical', { metric: sel.metric, region: sel.region, from: addMonths(sel.period, -23), to: sel.period })}
          ${loadState(this.data, data?.trend, '该地区暂无此指标数据', (rows) => html`<si-vega-chart .spec=${trendSpec(rows, metric, region.name, data?.tiles.targets[sel.metric])}></si-vega-chart>`)}
          <div class="definition">口径：${metric.definition} ${dictionaryLink({ metric: metric.code })}</div>
        </div>
        <div class="panel" data-testid="ranking">
          ${tableExport('/api/compare/horizontal', { metric: sel.metric, parent: region.parent_code ?? region.code, period: sel.period })}
          ${loadState(this.data, data?.ranking, '该期暂无同级地区数据', (rows) => html`<si-vega-chart .spec=${rankSpec(rows, metric, sel.region, data?.tiles.targets[sel.metric])}></si-vega-chart>`)}
        </div>
      </section>
    `;
  }
}
