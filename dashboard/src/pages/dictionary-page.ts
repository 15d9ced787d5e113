// 指标词典: the 68 indicators of Appendix A in the standard's words, under their first- and
// second-level items — category, methods, and for a computed one each metric with its
// definition (numerator, denominator), unit and direction; for a manual one how its scores
// arrive. Searchable by code or any word (?q=), one indicator opened by ?code= (the link
// every panel and the console's schema browser give).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CatalogueRow, MetricRow } from '../../../contracts/rows.js';
import { getTable } from '../api.js';
import { PageController } from '../page-controller.js';
import { tableExport } from '../components/table-export.js';
import { pageLoading } from '../load-state.js';
import { pageStyles } from '../page-styles.js';

const SOURCE = { computed: '网络监测（系统计算）', manual: '人工评分（导入）' } as const;
const CATEGORY = { G: '通用指标', E: '激励指标' } as const;

@customElement('si-dictionary-page')
export class DictionaryPage extends LitElement {
  static styles = [
    pageStyles,
    css`
      input[type='search'] { font: inherit; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; width: min(420px, 100%); box-sizing: border-box; }
      h2 { margin-top: 20px; }
      h3 { font-size: 1rem; margin: 14px 0 6px; color: var(--muted); }
      article { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 8px 0; scroll-margin-top: 12px; }
      article.open { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent) inset; }
      .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
      .code { font-variant-numeric: tabular-nums; font-weight: 600; }
      .tag { font-size: 0.8rem; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; color: var(--muted); }
      .tag.computed { color: var(--good); border-color: var(--good); }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0 0; font-size: 0.9rem; }
      dt { color: var(--muted); }
      dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
      @media (max-width: 560px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
    `,
  ];

  private readonly page = new PageController(this, {
    view: 'dictionary',
    reference: async () => {
      const [catalogue, metrics] = await Promise.all([getTable('/api/catalogue'), getTable('/api/metrics')]);
      return { catalogue, metrics };
    },
    read: (q) => ({ q: q.get('q') ?? '', code: q.get('code') ?? '' }),
  });

  /** What is typed, filtering as it is typed; written to the URL (?q=) once the field is left or Enter pressed. */
  @state() private typed: string | null = null;

  private scrolledTo = '';

  protected updated(): void {
    const code = this.page.sel?.code;
    if (!code || code === this.scrolledTo) return;
    this.scrolledTo = code;
    this.renderRoot.querySelector(`article[data-code="${CSS.escape(code)}"]`)?.scrollIntoView({ block: 'start' });
  }

  private entry(row: CatalogueRow, metrics: Map<string, MetricRow>, open: boolean) {
    return html`<article data-code=${row.code} class=${open ? 'open' : ''}>
      <div class="head">
        <span class="code">${row.code}</span><strong>${row.name}</strong>
        <span class="tag">${CATEGORY[row.category]}</span>
        <span class="tag ${row.source}">${SOURCE[row.source]}</span>
      </div>
      <dl>
        <dt>评价内容</dt><dd>${row.description}</dd>
        <dt>评价方法</dt><dd>${row.methods}</dd>
        ${(row.metrics ?? []).map((code) => {
          const m = metrics.get(code);
          return m
            ? html`<dt>计算口径</dt><dd><strong>${m.name}</strong>（${m.unit}，${m.higher_is_better ? '越高越好' : '越低越好'}，<code>${m.code}</code>）：${m.definition}</dd>`
            : nothing;
        })}
        ${row.import_path ? html`<dt>得分来源</dt><dd>${row.import_path}</dd>` : nothing}
        ${row.notes ? html`<dt>校注</dt><dd>${row.notes}</dd>` : nothing}
      </dl>
    </article>`;
  }

  render() {
    const { page } = this;
    if (!page.ref || !page.sel) return pageLoading(page.error);
    const { code } = page.sel;
    const q = this.typed ?? page.sel.q;
    const metrics = new Map(page.ref.metrics.map((m) => [m.code, m]));
    const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const text = (r: CatalogueRow) =>
      [r.code, r.p1, r.p2, r.name, r.description, r.methods, ...(r.metrics ?? []).map((m) => `${m} ${metrics.get(m)?.name ?? ''}`)].join(' ').toLowerCase();
    const rows = page.ref.catalogue.filter((r) => words.every((w) => text(r).includes(w)));
    const computed = page.ref.catalogue.filter((r) => r.source === 'computed').length;
    const p1s = [...new Set(rows.map((r) => r.p1))];
    return html`
      <div class="bar">
        <label>搜索指标
          <input type="search" aria-label="搜索指标" placeholder="编码或关键词，如 2.1.2、限时、网上" .value=${q}
            @input=${(e: Event) => {
              this.typed = (e.target as HTMLInputElement).value;
            }}
            @change=${(e: Event) => page.select({ q: (e.target as HTMLInputElement).value, code: '' })} />
        </label>
        <span>${tableExport('/api/catalogue', {})}${tableExport('/api/metrics', {})}</span>
        <span class="note">附录A共 ${page.ref.catalogue.length} 项指标，其中 ${computed} 项由系统根据监测数据计算；显示 ${rows.length} 项</span>
      </div>
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      ${rows.length === 0 ? html`<div class="empty">没有符合“${q}”的指标</div>` : nothing}
      ${p1s.map(
        (p1) => html`<h2>${p1}</h2>
          ${[...new Set(rows.filter((r) => r.p1 === p1).map((r) => r.p2))].map(
            (p2) => html`<h3>${p2}</h3>${rows.filter((r) => r.p1 === p1 && r.p2 === p2).map((r) => this.entry(r, metrics, r.code === code))}`,
          )}`,
      )}
    `;
  }
}
