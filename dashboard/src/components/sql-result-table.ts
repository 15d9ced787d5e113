// A query result as a table: each header shows the column's name and DuckDB type.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SqlColumn, SqlRow } from '../sql-api.js';
import { isNumeric } from '../sql-chart.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

@customElement('si-sql-result-table')
export class SqlResultTable extends LitElement {
  static styles = css`
    :host { display: block; overflow: auto; max-height: 420px; border: 1px solid var(--line, #dde3ea); border-radius: 6px; background: #fff; }
    table { border-collapse: collapse; font-size: 0.85rem; width: max-content; min-width: 100%; }
    th, td { padding: 4px 10px; border-bottom: 1px solid var(--line, #dde3ea); text-align: left; white-space: nowrap; }
    th { position: sticky; top: 0; background: #eef2f7; font-weight: 600; }
    th .type { display: block; font-weight: 400; color: var(--muted, #5b6b7c); font-size: 0.75rem; font-family: ui-monospace, monospace; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.null { color: #9aa7b5; font-style: italic; }
  `;

  @property({ attribute: false }) columns: SqlColumn[] = [];
  @property({ attribute: false }) rows: SqlRow[] = [];

  render() {
    const numeric = this.columns.map(isNumeric);
    return html`<table>
      <thead>
        <tr>${this.columns.map((c) => html`<th scope="col">${c.name}<span class="type">${c.type}</span></th>`)}</tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (r) => html`<tr>
            ${this.columns.map((c, i) => html`<td class=${r[c.name] === null ? 'null' : numeric[i] ? 'num' : ''}>${cell(r[c.name])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
