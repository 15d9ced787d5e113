// 绩效评分 page: choose scheme, region and period; the total and grade with its year-to-date
// projection, the first-level items, drill-down P1 → P2 → indicator, and the indicators that
// lost the most points. Selection and drill-down live in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, getTable, type Region, type Scheme, type ScoreIndicator, type ScoreItem, type ScoreTotal } from '../api.js';
import { formatPoints } from '../../../contracts/format.js';
import { pageStyles } from '../page-styles.js';
import '../components/score-bar.js';

const PERIOD_TYPES = { month: '月度', ytd: '年初至今', year: '年度' } as const;
type PeriodType = keyof typeof PERIOD_TYPES;
const STATUS = { scored: '', missing: '缺少数据', pending: '待人工评分' } as const;
const TOP_LOST = 10;

interface Selection {
  scheme: string;
  region: string;
  period_type: PeriodType;
  period: string;
  p1: string;
  p2: string;
}

@customElement('si-score-page')
export class ScorePage extends LitElement {
  static styles = [
    pageStyles,
    css`
      .filters { margin: 16px 0; }
      .panel { min-height: 0; }
      h2 { font-size: 1rem; }
      .empty, .loading { padding: 30px 0; }
      .grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 12px; }
      @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
      .total { font-size: 2.4rem; font-weight: 600; font-variant-numeric: tabular-nums; }
      .grade { display: inline-block; margin-left: 10px; padding: 2px 10px; border-radius: 12px; background: var(--accent); color: #fff; font-size: 1rem; vertical-align: middle; }
      .facts { color: var(--muted); font-size: 0.9rem; margin-top: 6px; line-height: 1.6; }
      button.item { display: grid; grid-template-columns: minmax(0, 1fr) minmax(200px, 1.3fr); align-items: center; gap: 10px; width: 100%; text-align: left; font: inherit;
        background: none; border: 1px solid transparent; border-radius: 6px; padding: 6px 8px; cursor: pointer; color: inherit; }
      button.item:hover, button.item[aria-pressed='true'] { background: #eef3fa; border-color: var(--line); }
      button.item:focus-visible { outline: 3px solid var(--accent); }
      .crumbs { font-size: 0.9rem; margin-bottom: 8px; color: var(--muted); }
      .crumbs a { color: var(--accent); cursor: pointer; text-decoration: underline; }
      table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
      th, td { text-align: left; padding: 6px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .flag { color: var(--bad); font-size: 0.8rem; }
      .rule { color: var(--muted); font-size: 0.8rem; }
    `,
  ];

  @state() private schemes: Scheme[] = [];
  @state() private regions: Region[] = [];
  @state() private totals: ScoreTotal[] = [];
  @state() private sel: Selection | null = null;
  @state() private items: ScoreItem[] | null = null;
  @state() private indicators: ScoreIndicator[] | null = null;
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', () => void this.readUrl());
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      [this.schemes, this.regions] = await Promise.all([getTable<Scheme>('/api/schemes'), getTable<Region>('/api/regions')]);
      await this.readUrl();
    } catch (err) {
      this.fail(err);
    }
  }

  private fail(err: unknown): void {
    this.error = err instanceof ApiError ? err.message : String(err);
  }

  private async readUrl(): Promise<void> {
    const q = new URLSearchParams(location.search);
    const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
    const province = this.regions.find((r) => r.level === 'province');
    await this.apply({
      scheme: pick(q.get('scheme'), this.schemes.map((s) => s.code), this.schemes[0]?.code ?? ''),
      region: pick(q.get('region'), this.regions.map((r) => r.code), province?.code ?? ''),
      period_type: pick(q.get('period_type'), Object.keys(PERIOD_TYPES) as PeriodType[], 'month'),
      period: q.get('period') ?? '',
      p1: q.get('p1') ?? '',
      p2: q.get('p2') ?? '',
    });
  }

  /** Loads the period list for the selection, then the chosen period's scores. */
  private async apply(sel: Selection): Promise<void> {
    this.error = '';
    try {
      const totals = await getTable<ScoreTotal>('/api/scores', { scheme: sel.scheme, region: sel.region, period_type: sel.period_type });
      const periods = totals.map((t) => t.period);
      if (!periods.includes(sel.period)) sel = { ...sel, period: periods.at(-1) ?? '' };
      this.totals = totals;
      this.sel = sel;
      this.items = null;
      this.indicators = null;
      if (!sel.period) return;
      const params = { scheme: sel.scheme, region: sel.region, period_type: sel.period_type, period: sel.period };
      const [items, indicators] = await Promise.all([getTable<ScoreItem>('/api/scores/items', params), getTable<ScoreIndicator>('/api/scores/indicators', params)]);
      if (sel !== this.sel) return; // a newer selection is loading
      this.items = items;
      this.indicators = indicators;
    } catch (err) {
      this.fail(err);
    }
  }

  private select(patch: Partial<Selection>): void {
    const sel = { ...this.sel!, ...patch };
    history.pushState(null, '', `?${new URLSearchParams({ view: 'scores', ...sel })}`);
    void this.apply(sel);
  }

  /** Drill-down only changes what is shown, not what is loaded. */
  private drill(p1: string, p2: string): void {
    this.sel = { ...this.sel!, p1, p2 };
    history.pushState(null, '', `?${new URLSearchParams({ view: 'scores', ...this.sel })}`);
  }

  private itemButton(item: ScoreItem, pressed: boolean, onClick: () => void, testid: string) {
    return html`<button class="item" data-testid=${testid} aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>
      <span>${item.level === 'P1' ? item.p1 : item.p2}</span>
      <si-score-bar .points=${item.points} .max=${item.max_points}></si-score-bar>
    </button>`;
  }

  private indicatorTable(rows: ScoreIndicator[], testid: string) {
    if (!rows.length) return html`<div class="empty">无指标</div>`;
    return html`<table data-testid=${testid}>
      <thead><tr><th>指标</th><th>来源</th><th>指标值/评分</th><th>得分</th><th>满分</th><th>失分</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr data-testid="indicator-row">
            <td>${r.indicator_code} ${r.name}${r.category === 'E' ? '（激励性，加分）' : ''}<div class="rule">${r.rule_detail}</div></td>
            <td>${r.source === 'computed' ? '数据计算' : '人工评分'}</td>
            <td class="num">${r.value === null ? html`<span class="flag">${STATUS[r.status]}</span>` : formatPoints(r.value)}</td>
            <td class="num">${formatPoints(r.points)}</td>
            <td class="num">${formatPoints(r.max_points)}</td>
            <td class="num">${formatPoints(r.points_lost)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private drillDown(sel: Selection, items: ScoreItem[], indicators: ScoreIndicator[]) {
    const p1 = items.find((i) => i.level === 'P1' && i.code === sel.p1);
    const p2 = items.find((i) => i.level === 'P2' && i.code === sel.p2 && i.p1_code === sel.p1);
    const crumbs = html`<div class="crumbs">
      <a @click=${() => this.drill('', '')}>总分</a>
      ${p1 ? html` › <a @click=${() => this.drill(p1.code, '')}>${p1.p1}</a>` : nothing}
      ${p2 ? html` › ${p2.p2}` : nothing}
    </div>`;
    if (p2) {
      const rows = indicators.filter((r) => r.p2_code === p2.code).sort((a, b) => a.indicator_code.localeCompare(b.indicator_code, 'en', { numeric: true }));
      return html`${crumbs}${this.indicatorTable(rows, 'indicators')}`;
    }
    const list = p1 ? items.filter((i) => i.level === 'P2' && i.p1_code === p1.code) : items.filter((i) => i.level === 'P1');
    return html`${crumbs}${list.map((i) =>
      p1 ? this.itemButton(i, false, () => this.drill(p1.code, i.code), 'p2-item') : this.itemButton(i, false, () => this.drill(i.code, ''), 'p1-item'),
    )}`;
  }

  private regionOptions(sel: Selection) {
    return this.regions.map(
      (r) => html`<option value=${r.code} ?selected=${r.code === sel.region}>${r.level === 'county' ? '\u3000\u3000' : r.level === 'city' ? '\u3000' : ''}${r.name}</option>`,
    );
  }

  render() {
    const sel = this.sel;
    if (!sel) return html`${this.error ? html`<div class="error" role="alert">${this.error}</div>` : html`<div class="loading">正在加载…</div>`}`;
    const total = this.totals.find((t) => t.period === sel.period);
    const scheme = this.schemes.find((s) => s.code === sel.scheme);
    return html`
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <div class="filters">
        <label>评分方案
          <select aria-label="评分方案" @change=${(e: Event) => this.select({ scheme: (e.target as HTMLSelectElement).value, p1: '', p2: '' })}>
            ${this.schemes.map((s) => html`<option value=${s.code} ?selected=${s.code === sel.scheme}>${s.name}（${s.version}）</option>`)}
          </select>
        </label>
        <label>地区
          <select aria-label="地区" @change=${(e: Event) => this.select({ region: (e.target as HTMLSelectElement).value })}>${this.regionOptions(sel)}</select>
        </label>
        <label>期间类型
          <select aria-label="期间类型" @change=${(e: Event) => this.select({ period_type: (e.target as HTMLSelectElement).value as PeriodType })}>
            ${Object.entries(PERIOD_TYPES).map(([k, v]) => html`<option value=${k} ?selected=${k === sel.period_type}>${v}</option>`)}
          </select>
        </label>
        <label>期间
          <select aria-label="期间" @change=${(e: Event) => this.select({ period: (e.target as HTMLSelectElement).value })}>
            ${[...this.totals].reverse().map((t) => html`<option value=${t.period} ?selected=${t.period === sel.period}>${t.period}</option>`)}
          </select>
        </label>
      </div>
      ${!total
        ? html`<div class="empty">该地区此期间暂无评分</div>`
        : html`<div class="grid">
            <section class="panel" data-testid="score-total">
              <h2>总分</h2>
              <div><span class="total" data-testid="total">${formatPoints(total.total)}</span> / ${formatPoints(total.max_total)}<span class="grade" data-testid="grade">${total.grade}</span></div>
              <div class="facts">
                基础分 ${formatPoints(total.base_points)}，激励性指标加分 ${formatPoints(total.bonus_points)}（封顶 ${formatPoints(scheme?.bonus_cap)} 分）<br />
                ${sel.period_type === 'month' ? html`按年初至今推算全年：${formatPoints(total.projected_total)} 分（${total.projected_grade}）<br />` : nothing}
                ${total.missing_entries ? html`<span class="flag">${total.missing_entries} 项缺少数据，按0分计</span>　` : nothing}
                ${total.pending_entries ? html`<span class="flag">${total.pending_entries} 项待人工评分，按0分计</span>` : nothing}
              </div>
              <div class="facts">等级区间：${scheme?.grades.map((g) => `${g.grade} ${g.min}${g.max === null ? '分以上' : `–${g.max}分`}`).join('；')}</div>
            </section>
            <section class="panel" data-testid="drill">
              <h2>得分构成</h2>
              ${this.items && this.indicators ? this.drillDown(sel, this.items, this.indicators) : html`<div class="loading">正在加载…</div>`}
            </section>
          </div>
          <section class="panel" style="margin-top:12px">
            <h2>失分最多的指标</h2>
            ${this.indicators ? this.indicatorTable(this.indicators.filter((r) => r.points_lost > 0).slice(0, TOP_LOST), 'top-lost') : html`<div class="loading">正在加载…</div>`}
          </section>`}
    `;
  }
}
