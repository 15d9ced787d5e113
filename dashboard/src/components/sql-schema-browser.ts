// The tables and views an analyst can query, with their descriptions and typed columns.
// Choosing a name fires `insert-text` so the page can put it into the editor.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogObjectRow } from '../../../contracts/rows.js';
import { dictionaryHref } from '../dictionary-link.js';

@customElement('si-sql-schema-browser')
export class SqlSchemaBrowser extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.85rem; }
    input { width: 100%; box-sizing: border-box; font: inherit; padding: 4px 6px; border: 1px solid var(--line, #dde3ea); border-radius: 4px; margin-bottom: 6px; }
    details { border-bottom: 1px solid var(--line, #dde3ea); padding: 3px 0; }
    summary { cursor: pointer; font-family: ui-monospace, monospace; }
    .kind { color: var(--muted, #5b6b7c); font-size: 0.75rem; margin-left: 4px; }
    .desc { color: var(--muted, #5b6b7c); margin: 4px 0 4px 12px; }
    ul { list-style: none; margin: 0 0 4px 12px; padding: 0; }
    li { font-family: ui-monospace, monospace; display: flex; justify-content: space-between; gap: 8px; }
    li .type { color: var(--muted, #5b6b7c); }
    .dictionary { display: block; margin-bottom: 6px; color: var(--accent, #1f5fa8); }
    button { font: inherit; font-size: 0.75rem; border: none; background: none; color: var(--accent, #1f5fa8); cursor: pointer; padding: 0 2px; }
  `;

  @property({ attribute: false }) objects: CatalogObjectRow[] = [];
  @state() private filter = '';

  private insert(text: string): void {
    this.dispatchEvent(new CustomEvent('insert-text', { detail: text, bubbles: true, composed: true }));
  }

  render() {
    const f = this.filter.toLowerCase();
    const shown = this.objects.filter((o) => !f || o.name.includes(f) || o.description.toLowerCase().includes(f));
    return html`
      <a class="dictionary" href=${dictionaryHref()}>指标词典：每个指标的定义、分子分母、数据来源和附录A编码</a>
      <input type="search" placeholder="筛选表和视图" aria-label="筛选表和视图" @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
      ${shown.map(
        (o) => html`<details>
          <summary>${o.name}<span class="kind">${o.kind === 'view' ? '视图' : '表'}</span>
            <button title="插入名称" @click=${(e: Event) => {
              e.preventDefault();
              this.insert(o.name);
            }}>插入</button></summary>
          ${o.description ? html`<div class="desc">${o.description}</div>` : ''}
          <ul>${o.columns.map((c) => html`<li><span>${c.name}</span><span class="type">${c.type}</span></li>`)}</ul>
        </details>`,
      )}
    `;
  }
}
