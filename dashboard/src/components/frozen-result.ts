// A frozen evaluation result (§12: the final result): on the 评价工作 page in full — version,
// total, grade, rank, the frozen report's SHA-256 and PDF — and on the score and agency pages
// as a banner above the live figures. Both show where live data now differs from the frozen
// figures, and why, as the API reports it (FrozenDifferenceRow); nothing is recomputed here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FrozenDifferenceRow, FrozenResult } from '../../../contracts/evaluation.js';
import { points } from '../evaluation-view.js';

const styles = css`
  :host { display: block; }
  table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .scroll { overflow-x: auto; }
  .note { color: var(--muted); font-size: 0.85rem; margin-top: 6px; }
  code { font-size: 0.8rem; overflow-wrap: anywhere; }
  a { color: var(--accent); }
`;

/** The rows where live data differs from the frozen figure (a difference the API gave, not zero). */
const differing = (rows: FrozenDifferenceRow[]) => rows.filter((r) => r.difference !== null && Number(r.difference) !== 0);

function differenceTable(rows: FrozenDifferenceRow[]) {
  const shown = differing(rows);
  if (!shown.length) return html`<div class="note" data-testid="no-difference">现行数据与冻结结果一致。</div>`;
  return html`<div class="scroll"><table data-testid="differences">
    <thead><tr><th>项目</th><th class="num">冻结值</th><th class="num">现值</th><th class="num">差异</th><th>原因</th></tr></thead>
    <tbody>${shown.map(
      (r) => html`<tr data-code=${r.code}><td>${r.name}</td><td class="num">${points(r.frozen)}</td><td class="num">${points(r.live)}</td>
        <td class="num">${points(r.difference)}</td><td>${r.reason ?? '—'}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

/** "已冻结（第 N 版，YYYY-MM-DD）：总分 X，等级 Y" — the wording every page uses. */
export const frozenHeadline = (f: FrozenResult) => `已冻结（第 ${f.version} 版，${f.frozen_at.slice(0, 10)}）：总分 ${points(f.total)}，等级 ${f.grade ?? '—'}`;

@customElement('si-frozen-result')
export class FrozenResultView extends LitElement {
  static styles = [
    styles,
    css`
      .figures { display: flex; flex-wrap: wrap; gap: 6px 24px; font-size: 1.05rem; margin-bottom: 8px; }
      .figures strong { font-size: 1.4rem; font-variant-numeric: tabular-nums; }
    `,
  ];

  @property({ attribute: false }) frozen!: FrozenResult;
  @property() reportUrl = '';

  render() {
    const f = this.frozen;
    return html`
      <div class="note" data-testid="frozen-headline">${frozenHeadline(f)}</div>
      <div class="figures">
        <span>总分 <strong data-testid="frozen-total">${points(f.total)}</strong></span>
        <span>等级 <strong data-testid="frozen-grade">${f.grade ?? '—'}</strong></span>
        <span>排名 <strong data-testid="frozen-rank">${f.rank ?? '—'}</strong></span>
      </div>
      <div>冻结报告：<a href=${this.reportUrl} download data-testid="frozen-pdf">评价报告 PDF（第 ${f.version} 版）</a></div>
      <div class="note">报告 SHA-256：<code data-testid="report-sha256">${f.report_sha256}</code></div>
      <h3 style="font-size:0.95rem;margin:12px 0 6px">冻结结果与现行数据的差异</h3>
      ${differenceTable(f.rows)}
    `;
  }
}

/** Above a page's live figures: the region's frozen result, and where live data differs. */
@customElement('si-frozen-banner')
export class FrozenBanner extends LitElement {
  static styles = [
    styles,
    css`
      :host { margin: 8px 0 12px; }
      .banner { background: #eef4fb; border: 1px solid #c8d9ee; border-radius: 8px; padding: 10px 14px; }
      strong { font-weight: 600; }
    `,
  ];

  @property({ attribute: false }) frozen: FrozenResult | null = null;

  render() {
    const f = this.frozen;
    if (!f) return nothing;
    return html`<div class="banner" role="note" data-testid="frozen-banner">
      <strong>${frozenHeadline(f)}</strong>
      ${differing(f.rows).length ? html`<div class="note">现行数据已变化，以下为与冻结结果的差异及原因；下方为现行数据。</div>` : nothing}
      ${differenceTable(f.rows)}
    </div>`;
  }
}
