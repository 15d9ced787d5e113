// A panel's content while loading, after a failed load, when empty, or with its rows.
import { html } from 'lit';

/** Before the data arrived: loading, or that it could not load (the reason is shown above). */
export function notYet(error: string): unknown {
  return error ? html`<div class="empty">未能加载（原因见页面上方提示）</div>` : html`<div class="loading">正在加载…</div>`;
}

export function loadState<T>(rows: T[] | null | undefined, error: string, empty: string, body: (rows: T[]) => unknown): unknown {
  if (rows === null || rows === undefined) return notYet(error);
  if (rows.length === 0) return html`<div class="empty">${empty}</div>`;
  return body(rows);
}

/** A page before its reference data arrived: loading, or why it could not load. */
export function pageLoading(error: string): unknown {
  return error ? html`<div class="error" role="alert">${error}</div>` : html`<div class="loading">正在加载…</div>`;
}
