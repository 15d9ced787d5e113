// A panel's downloads: the table endpoint it draws from, as an Excel workbook and as CSV. The
// server writes both files (?format=xlsx|csv, api/format.ts), so a download holds exactly the
// rows the panel was drawn from, named by the server; nothing is rebuilt in the browser.
// Hidden on paper and walls.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueryOf, TablePath } from '../../../contracts/endpoints.js';
import { tableUrl } from '../api.js';

@customElement('si-table-export')
export class TableExport extends LitElement {
  static styles = css`
    :host { float: right; display: var(--controls, flex); gap: 4px; margin-left: 8px; }
    a { font-size: 0.75rem; padding: 1px 6px; border: 1px solid var(--line, #dde3ea); border-radius: 4px; background: #fff; color: var(--muted, #5b6b7c); text-decoration: none; }
    a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
  `;

  /** The endpoint and its parameters, built by tableExport(). */
  @property({ attribute: false }) source: { path: TablePath; params: Record<string, string | undefined> } | null = null;

  render() {
    if (!this.source) return html``;
    const { path, params } = this.source;
    const link = (format: 'xlsx' | 'csv', label: string) =>
      html`<a href=${tableUrl(path, params as QueryOf<TablePath>, format)} download title=${`下载${label}`}>${format.toUpperCase()}</a>`;
    return html`<span role="group" aria-label="导出表格">${link('xlsx', ' Excel 表格')}${link('csv', ' CSV 文件')}</span>`;
  }
}

/** Download buttons for a panel drawn from `path` with `params`. */
export function tableExport<P extends TablePath>(path: P, params: QueryOf<P>): unknown {
  return html`<si-table-export .source=${{ path, params }}></si-table-export>`;
}
