// A panel's content in each of its states, each told apart on screen (data-state): loading (no
// data yet), failed (none could load), empty, its rows, and stale — a later load failed, so the
// figures still shown are an earlier load's, not what the panel's title now names, and it says so.
// While a load runs the figures already shown stay, dimmed (aria-busy, page-styles.ts).
import { html, nothing } from 'lit';

/** What a panel needs to know of its load (a PageLoad). */
export interface LoadStatus {
  value: unknown;
  failed: boolean;
  loadedAt: Date | null;
}

/** Before the data arrived: loading, or that it could not load (the reason is shown above). */
export function notYet(failed: boolean): unknown {
  return failed
    ? html`<div class="empty" data-state="failed">加载失败，本栏暂无数据（原因见页面上方提示）</div>`
    : html`<div class="loading" data-state="loading">正在加载…</div>`;
}

const clock = (at: Date | null) => (at ? at.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }) : '');

/** True when the latest load failed and an earlier one's figures are still on screen. */
export const isStale = (load: LoadStatus) => load.failed && load.value !== undefined;

/** The warning over stale figures (nothing when they are current). */
export function staleNote(load: LoadStatus): unknown {
  return isStale(load)
    ? html`<div class="stale" role="alert" data-state="stale">数据已过期：最近一次加载失败，以下仍是 ${clock(load.loadedAt)} 加载的数据，可能不是当前所选的内容</div>`
    : nothing;
}

/** Figures on screen: as they are, or under the stale warning and greyed when the next load failed. */
export function fresh(load: LoadStatus, content: unknown): unknown {
  return isStale(load) ? html`${staleNote(load)}<div class="stale-body">${content}</div>` : content;
}

export function loadState<T>(load: LoadStatus, rows: T[] | null | undefined, empty: string, body: (rows: T[]) => unknown): unknown {
  if (rows === null || rows === undefined) return notYet(load.failed);
  return fresh(load, rows.length === 0 ? html`<div class="empty" data-state="empty">${empty}</div>` : body(rows));
}

/** A page before its reference data arrived: loading, or why it could not load. */
export function pageLoading(error: string): unknown {
  return error ? html`<div class="error" role="alert">${error}</div>` : html`<div class="loading" data-state="loading">正在加载…</div>`;
}
