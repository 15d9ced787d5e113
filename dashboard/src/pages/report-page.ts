// 评价报告: choose a region and a year; the report (Appendix B sections) is rendered by
// the server, previewed here, opened for printing or exported as PDF. State in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText, getMonths, getReference, type Region } from '../api.js';
import { pageLoading } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import { levelName } from '../../../contracts/format.js';

interface Selection {
  region: string;
  year: string;
}

@customElement('si-report-page')
export class ReportPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      .actions { display: flex; gap: 8px; }
      a.button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
      iframe { width: 100%; height: 80vh; min-height: 600px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
    `,
  ];

  @state() private regions: Region[] = [];
  @state() private years: string[] = [];
  @state() private sel: Selection | null = null;
  @state() private error = '';
  private readonly onPop = () => this.readUrl();

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPop);
    void this.init();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
  }

  private async init(): Promise<void> {
    try {
      const [ref, months] = await Promise.all([getReference(), getMonths()]);
      this.regions = ref.regions;
      this.years = [...new Set(months.months.map((m) => m.slice(0, 4)))];
      this.readUrl();
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private readUrl(): void {
    const q = new URLSearchParams(location.search);
    this.sel = {
      region: this.regions.some((r) => r.code === q.get('region')) ? q.get('region')! : (this.regions.find((r) => r.level === 'province')?.code ?? ''),
      year: this.years.includes(q.get('year') ?? '') ? q.get('year')! : (this.years[0] ?? ''),
    };
  }

  private select(patch: Partial<Selection>): void {
    this.sel = { ...this.sel!, ...patch };
    history.pushState(null, '', `?${new URLSearchParams({ view: 'report', ...this.sel })}`);
  }

  render() {
    const sel = this.sel;
    if (!sel) return pageLoading(this.error);
    const query = new URLSearchParams({ region: sel.region, year: sel.year });
    return html`
      <div class="bar">
        <div class="filters">
          <label>被评价地区
            <select aria-label="被评价地区" @change=${(e: Event) => this.select({ region: (e.target as HTMLSelectElement).value })}>
              ${this.regions.map((r) => html`<option value=${r.code} ?selected=${r.code === sel.region}>${r.name}（${levelName(r.level)}）</option>`)}
            </select>
          </label>
          <label>评价年度
            <select aria-label="评价年度" @change=${(e: Event) => this.select({ year: (e.target as HTMLSelectElement).value })}>
              ${this.years.map((y) => html`<option value=${y} ?selected=${y === sel.year}>${y}年</option>`)}
            </select>
          </label>
        </div>
        ${sel.year
          ? html`<div class="actions">
              <a class="button" href="/api/report?${query}" target="_blank" rel="noopener">打开打印版</a>
              <a class="button primary" href="/api/report.pdf?${query}" download>导出 PDF</a>
            </div>`
          : nothing}
      </div>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      ${sel.year
        ? html`<iframe title="评价报告预览" src="/api/report?${query}"></iframe>`
        : html`<div class="empty">暂无数据：采集器正在回填历史数据，请稍候。</div>`}
    `;
  }
}
