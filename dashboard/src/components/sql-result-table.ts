// A query result as a table: each header shows the column's name and DuckDB type. Only the rows
// in view are in the page (@lit-labs/virtualizer), so 10 000 rows draw as fast as 30; the
// columns are one grid, sized once from the header and the first rows, for every row alike.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import type { SqlColumn, SqlRow } from '../sql-api.js';
import { isNumeric } from '../sql-chart.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A text's width in ch, a Chinese character taking two. */
const chars = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** Rows sampled for the column widths: enough to be representative, few enough to be quick. */
const SAMPLE = 200;

@customElement('si-sql-result-table')
export class SqlResultTable extends LitElement {
  static styles = css`
    :host { display: block; border: 1px solid var(--line, #dde3ea); border-radius: 6px; background: #fff; }
    .scroll { overflow: auto; max-height: 420px; font-size: 0.85rem; }
    .grid { width: max-content; min-width: 100%; }
    .row { display: grid; grid-template-columns: var(--columns); width: 100%; }
    .head { position: sticky; top: 0; z-index: 1; background: #eef2f7; font-weight: 600; }
    .row > span { padding: 4px 10px; border-bottom: 1px solid var(--line, #dde3ea); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .head .type { display: block; font-weight: 400; color: var(--muted, #5b6b7c); font-size: 0.75rem; font-family: ui-monospace, monospace; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .null { color: #9aa7b5; font-style: italic; }
  `;

  @property({ attribute: false }) columns: SqlColumn[] = [];
  @property({ attribute: false }) rows: SqlRow[] = [];

  /** Each column as wide as its header or its widest sampled cell, within 6 to 60 ch. */
  private template(): string {
    const sample = this.rows.slice(0, SAMPLE);
    return this.columns
      .map((c) => {
        const widest = Math.max(chars(c.name), chars(c.type), ...sample.map((r) => chars(cell(r[c.name]))));
        return `calc(${Math.min(60, Math.max(6, widest))}ch + 20px)`;
      })
      .join(' ');
  }

  render() {
    const numeric = this.columns.map(isNumeric);
    return html`<div class="scroll">
      <div class="grid" role="table" aria-rowcount=${this.rows.length + 1} style="--columns: ${this.template()}">
        <div class="row head" role="row">
          ${this.columns.map((c) => html`<span role="columnheader">${c.name}<span class="type">${c.type}</span></span>`)}
        </div>
        <div role="rowgroup">
          ${virtualize({
            items: this.rows,
            renderItem: (r: SqlRow, i: number) =>
              html`<div class="row" role="row" aria-rowindex=${i + 2}>
                ${this.columns.map((c, j) => html`<span role="cell" class=${r[c.name] === null ? 'null' : numeric[j] ? 'num' : ''} title=${cell(r[c.name])}>${cell(r[c.name])}</span>`)}
              </div>`,
          })}
        </div>
      </div>
    </div>`;
  }
}
