// 评价报告: choose a region and a year; the report (Appendix B sections) is rendered by
// the server, previewed here, opened for printing or exported as PDF. State in the URL; the
// preview is rendered again when new data lands; a failed one (no data for the year) is not
// left showing another year's report.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getMonths, getReference, getReport, reportUrl, yearsOf } from '../api.js';
import { NOTHING, PageController, pick } from '../page-controller.js';
import { notYet, pageLoading } from '../load-state.js';
import { pageStyles } from '../page-styles.js';
import '../components/region-picker.js';
import '../components/live-status.js';

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

  private readonly page = new PageController(this, {
    view: 'report',
    reference: async () => {
      const [ref, months] = await Promise.all([getReference(), getMonths()]);
      return { regions: ref.regions, years: yearsOf(months) };
    },
    read: (q, { regions, years }) => ({
      region: pick(
        q.get('region'),
        regions.map((r) => r.code),
        regions.find((r) => r.level === 'province')?.code ?? '',
      ),
      year: pick(q.get('year'), years, years[0] ?? ''),
    }),
  });

  private readonly report = this.page.load(async (sel) => (sel.year ? getReport(sel) : NOTHING));

  render() {
    const { page } = this;
    const { sel } = page;
    if (!page.ref || !sel) return pageLoading(page.error);
    const { regions, years } = page.ref;
    const report = this.report.value;
    return html`
      <div class="bar">
        <div class="filters">
          <si-region-picker label="被评价地区" .regions=${regions} .value=${sel.region} @change=${(e: CustomEvent<string>) => page.select({ region: e.detail })}></si-region-picker>
          <label>评价年度
            <select aria-label="评价年度" @change=${(e: Event) => page.select({ year: (e.target as HTMLSelectElement).value })}>
              ${years.map((y) => html`<option value=${y} ?selected=${y === sel.year}>${y}年</option>`)}
            </select>
          </label>
        </div>
        ${
          sel.year
            ? html`<div class="actions">
              <a class="button" href=${reportUrl(sel)} target="_blank" rel="noopener">打开打印版</a>
              <a class="button primary" href=${reportUrl(sel, true)} download>导出 PDF</a>
            </div>`
            : nothing
        }
        <si-live-status .updatedAt=${page.updatedAt}></si-live-status>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      ${
        !sel.year
          ? html`<div class="empty">暂无数据：采集器正在回填历史数据，请稍候。</div>`
          : report === undefined || this.report.failed
            ? notYet(this.report.failed)
            : html`<iframe title="评价报告预览" aria-busy=${this.report.pending} .srcdoc=${report}></iframe>`
      }
    `;
  }
}
