// 经办机构自查 (agencies): a city or county chooses itself and sees, month by month this
// year, each metric against the median of its peers (the regions under the same parent),
// its rank, and the year so far. Region, year and the metric in focus are in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText, getMonths, getReference, getTable, type AlertRow, type PeerSeriesRow, type Reference } from '../api.js';
import { formatChange, formatValue } from '../format.js';
import { peerTrendSpec } from '../overview-charts.js';
import { LivePageController } from '../page-controller.js';
import { loadState, pageLoading } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import { childrenOf, levelName } from '../regions.js';
import '../components/alert-list.js';
import '../components/live-status.js';

interface Selection {
  region: string;
  year: string;
  metric: string;
}

@customElement('si-agency-page')
export class AgencyPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
      th { text-align: left; font-weight: 500; color: var(--muted); font-size: 0.85rem; padding: 4px 6px; }
      td { padding: 6px; border-top: 1px solid var(--line); }
      td.num, th.num { text-align: right; white-space: nowrap; }
      tr[aria-selected='true'] td { background: #eef4fb; }
      .good { color: var(--good); }
      .bad { color: var(--bad); }
      a { color: var(--accent); text-decoration: none; }
    `,
  ];

  @state() private ref: Reference | null = null;
  @state() private years: string[] = [];
  @state() private sel: Selection | null = null;
  @state() private months: PeerSeriesRow[] | null = null;
  @state() private annual: PeerSeriesRow[] | null = null;
  @state() private alerts: AlertRow[] | null = null;
  @state() private error = '';
  @state() private updatedAt: Date | null = null;

  constructor() {
    super();
    new LivePageController(this, { urlChanged: () => this.readUrl(new Date()), dataChanged: (at) => void this.refresh(at) });
  }

  private async refresh(at: Date): Promise<void> {
    try {
      const [ref, months] = await Promise.all([getReference(), getMonths()]);
      this.ref = ref;
      this.years = [...new Set(months.map((m) => m.slice(0, 4)))];
      this.readUrl(at);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private readUrl(at: Date): void {
    const ref = this.ref;
    if (!ref) return;
    const q = new URLSearchParams(location.search);
    const own = ref.regions.find((r) => r.code === q.get('region') && r.level !== 'province');
    this.sel = {
      region: own?.code ?? ref.regions.find((r) => r.level === 'city')?.code ?? '',
      year: this.years.includes(q.get('year') ?? '') ? q.get('year')! : (this.years[0] ?? ''),
      metric: q.get('metric') ?? 'on_time_rate',
    };
    void this.load(at);
  }

  private href(patch: Partial<Selection>): string {
    return `?${new URLSearchParams({ view: 'agency', ...this.sel!, ...patch })}`;
  }

  private select(patch: Partial<Selection>): void {
    const reload = patch.region !== undefined || patch.year !== undefined;
    this.sel = { ...this.sel!, ...patch };
    history.pushState(null, '', this.href({}));
    if (reload) {
      this.months = null;
      this.annual = null;
      this.alerts = null;
      void this.load(new Date());
    }
  }

  private async load(at: Date): Promise<void> {
    const sel = this.sel;
    if (!sel || !sel.year) return;
    try {
      const [months, annual, alerts] = await Promise.all([
        getTable<PeerSeriesRow>('/api/peer-series', { region: sel.region, period_type: 'month', from: `${sel.year}-01`, to: `${sel.year}-12` }),
        getTable<PeerSeriesRow>('/api/peer-series', { region: sel.region, period_type: 'year', from: sel.year, to: sel.year }),
        getTable<AlertRow>('/api/alerts', { region: sel.region, limit: '20' }),
      ]);
      if (sel !== this.sel) return;
      this.months = months;
      this.annual = annual;
      this.alerts = alerts;
      this.updatedAt = at;
      this.error = '';
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private gapCell(row: PeerSeriesRow) {
    const worse = row.higher_is_better ? row.gap_to_median < 0 : row.gap_to_median > 0;
    return html`<td class="num ${row.gap_to_median === 0 ? '' : worse ? 'bad' : 'good'}">${formatChange(row.gap_to_median, row.unit)}</td>`;
  }

  private regionOptions(ref: Reference) {
    return ref.regions
      .filter((r) => r.level === 'city')
      .map(
        (city) => html`<optgroup label=${city.name}>
          <option value=${city.code} ?selected=${city.code === this.sel?.region}>${city.name}（全市）</option>
          ${childrenOf(ref.regions, city.code).map((c) => html`<option value=${c.code} ?selected=${c.code === this.sel?.region}>${c.name}</option>`)}
        </optgroup>`,
      );
  }

  render() {
    const { ref, sel } = this;
    if (!ref || !sel) return pageLoading(this.error);
    const region = ref.regions.find((r) => r.code === sel.region)!;
    const parent = ref.regions.find((r) => r.code === region.parent_code);
    const focus = this.months?.filter((r) => r.metric === sel.metric) ?? null;
    const focusName = ref.metrics.find((m) => m.code === sel.metric)?.name ?? sel.metric;
    return html`
      <div class="bar">
        <div class="filters">
          <label>本机构
            <select aria-label="本机构" @change=${(e: Event) => this.select({ region: (e.target as HTMLSelectElement).value })}>${this.regionOptions(ref)}</select>
          </label>
          <label>年度
            <select aria-label="年度" @change=${(e: Event) => this.select({ year: (e.target as HTMLSelectElement).value })}>
              ${this.years.map((y) => html`<option value=${y} ?selected=${y === sel.year}>${y}年</option>`)}
            </select>
          </label>
        </div>
        <si-live-status .updatedAt=${this.updatedAt}></si-live-status>
      </div>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <div class="grid">
        <section class="panel wide" data-testid="annual" aria-label="全年累计">
          <h2>${region.name} · ${sel.year}年累计，与${parent?.name ?? ''}各${levelName(region.level)}比较</h2>
          ${loadState(this.annual, this.error, '该年度暂无数据', (annual) => html`<table>
                <thead><tr><th>指标</th><th class="num">本地区</th><th class="num">同级中位数</th><th class="num">与中位数差距</th><th class="num">同级排名</th></tr></thead>
                <tbody>${annual.map(
                  (r) => html`<tr aria-selected=${r.metric === sel.metric ? 'true' : 'false'} data-metric=${r.metric}>
                    <td><a href=${this.href({ metric: r.metric })} @click=${(e: Event) => { e.preventDefault(); this.select({ metric: r.metric }); }}>${r.metric_name}</a></td>
                    <td class="num">${formatValue(r.value, r.unit)}</td>
                    <td class="num">${formatValue(r.peer_median, r.unit)}</td>
                    ${this.gapCell(r)}
                    <td class="num">${r.rank}/${r.peers}</td>
                  </tr>`,
                )}</tbody>
              </table>
              <div class="note">点击指标名称查看逐月明细。同级：同一上级地区下的${levelName(region.level)}。</div>`)}
        </section>
        <section class="panel wide" data-testid="alerts" aria-label="本地区预警" style="min-height:140px">
          <h2>本地区预警（未解除）</h2>
          ${loadState(this.alerts, this.error, '当前没有未解除的预警', (rows) => html`<si-alert-list .rows=${rows}></si-alert-list>`)}
        </section>
        <section class="panel wide" data-testid="focus" aria-label="逐月明细">
          <h2>${focusName} · 逐月与同级中位数</h2>
          ${loadState(focus, this.error, '该指标本年度暂无数据', (rows) => html`<table>
                <thead><tr><th>月份</th><th class="num">本地区</th><th class="num">同级中位数</th><th class="num">与中位数差距</th><th class="num">同级排名</th></tr></thead>
                <tbody>${rows.map(
                  (r) => html`<tr><td>${r.period}</td><td class="num">${formatValue(r.value, r.unit)}</td><td class="num">${formatValue(r.peer_median, r.unit)}</td>${this.gapCell(r)}<td class="num">${r.rank}/${r.peers}</td></tr>`,
                )}</tbody>
              </table>`)}
        </section>
        <section class="panel wide" data-testid="trends" aria-label="全部指标逐月趋势">
          ${loadState(this.months, this.error, '该年度暂无数据', (rows) =>
            html`<si-vega-chart .spec=${peerTrendSpec(rows, `${region.name} · ${sel.year}年逐月指标与同级中位数`)}></si-vega-chart>`)}
        </section>
      </div>
    `;
  }
}
