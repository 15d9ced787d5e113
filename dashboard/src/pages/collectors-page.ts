// 数据采集 page: is the data trustworthy right now? Per-collector health (last success,
// lag, rows, rejections, failures), the run log, and quarantined rows with their reasons;
// a warning when the official working-day calendar ends within 60 days (v_calendar_status).
// Refreshes itself while open; the chosen collector is kept in the URL.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CalendarStatusRow, FeedHealthRow, QuarantineRow, RunRow } from '../../../contracts/rows.js';
import { getTable } from '../api.js';
import { formatCount as n } from '../../../contracts/format.js';
import { tableExport } from '../components/table-export.js';
import { notYet, staleNote } from '../load-state.js';
import { stateStyles } from '../page-styles.js';
import { PageController } from '../page-controller.js';

const STATUS: Record<string, string> = { ok: '正常', failed: '失败', running: '运行中' };
const TRIGGER: Record<string, string> = { schedule: '定时', manual: '手动', startup: '启动', backfill: '补采', retry: '重试' };
const REFRESH_MS = 15_000;

/** A duration in the largest sensible unit, in Chinese. */
function ago(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.max(0, Math.round(seconds))} 秒`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} 分钟`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} 小时`;
  return `${Math.round(seconds / 86_400)} 天`;
}

@customElement('si-collectors-page')
export class CollectorsPage extends LitElement {
  static styles = [
    stateStyles,
    css`
    :host { display: block; margin-top: 16px; }
    .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 12px; overflow-x: auto; }
    h2 { font-size: 1.05rem; margin: 0 0 8px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { color: var(--muted); font-weight: 600; white-space: nowrap; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .ok { color: var(--good); font-weight: 600; }
    .failed { color: var(--bad); font-weight: 600; }
    .running { color: var(--accent); font-weight: 600; }
    .reason { color: var(--bad); }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
    .empty, .loading { color: var(--muted); padding: 16px 0; text-align: center; }
    .placeholder { min-height: 100vh; }
    .filters { display: flex; gap: 12px; align-items: end; margin-bottom: 8px; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 4px; }
    select { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; min-width: 160px; }
    select:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .note { color: var(--muted); font-size: 0.85rem; }
    .warning { background: #fff7e0; color: #6b4b00; border: 1px solid #f0d27a; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
    code { font-size: 0.85rem; }
  `,
  ];

  // The chosen collector is in the URL; everything reloads when data lands and, since
  // "距最近成功" ages by the clock, every REFRESH_MS too.
  private readonly page = new PageController(this, {
    view: 'collectors',
    reference: async () => null,
    read: (q) => ({ feed: q.get('feed') ?? '' }),
    every: REFRESH_MS,
  });

  private readonly data = this.page.load(async ({ feed }) => {
    const filter = feed ? { feed } : {};
    const [health, runs, quarantine, [calendar]] = await Promise.all([
      getTable('/api/feeds/health'),
      getTable('/api/runs', { ...filter, limit: '50' }),
      getTable('/api/quarantine', { ...filter, limit: '200' }),
      getTable('/api/calendar/status'),
    ]);
    return { health, runs, quarantine, calendar };
  });

  /** The warning SQL decides on (warn): the official calendar ends within 60 days, or has ended. */
  private calendarWarning(s: CalendarStatusRow | undefined) {
    if (!s?.warn) return nothing;
    const rule = '办理时限按《全国年节及纪念日放假办法》推算的暂定节假日计算（不含调休）';
    const [reach, ask] =
      s.official_end === null || s.days_left === null
        ? [`今天（${s.today}）不在已导入的国务院办公厅放假安排通知范围内，${rule}`, `请导入 ${s.next_year} 年的通知`]
        : s.days_left >= 0
          ? [
              `官方工作日历（已导入的国务院办公厅放假安排通知）至 ${s.official_end} 止，还有 ${s.days_left} 天；此后的${rule}`,
              `${s.next_year} 年的通知发布后请导入`,
            ]
          : [`官方工作日历已于 ${s.official_end} 结束（${-s.days_left} 天前），此后的${rule}`, `请导入 ${s.next_year} 年的通知`];
    return html`<div class="warning" role="alert" data-testid="calendar-warning">
      工作日历提醒：${reach}。${ask}：<code>npm run calendar -- import 通知.csv</code>
    </div>`;
  }

  private healthTable(rows: FeedHealthRow[]) {
    if (rows.length === 0) return html`<div class="empty">尚无采集记录</div>`;
    return html`<table data-testid="feed-health">
      <thead><tr>
        <th>采集任务</th><th>状态</th><th>最近成功</th><th>距最近成功</th><th>数据滞后</th>
        <th>累计读取</th><th>累计写入</th><th>累计隔离</th><th>24 小时读取</th><th>重试</th><th>连续失败</th>
      </tr></thead>
      <tbody>
        ${rows.map(
          (h) => html`<tr>
            <td>${h.feed}</td>
            <td class=${h.last_status} title=${h.last_error ?? ''}>${STATUS[h.last_status] ?? h.last_status}</td>
            <td>${h.last_success_at?.slice(0, 19) ?? '从未成功'}</td>
            <td class="num">${ago(h.seconds_since_success)}</td>
            <td class="num">${ago(h.data_lag_seconds)}</td>
            <td class="num">${n(h.rows_in)}</td>
            <td class="num">${n(h.rows_written)}</td>
            <td class="num">${n(h.quarantined)}</td>
            <td class="num">${n(h.rows_in_24h)}</td>
            <td class="num">${n(h.retries)}</td>
            <td class="num ${h.failed_since_success > 0 ? 'failed' : ''}">${h.failed_since_success}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private runTable(runs: RunRow[]) {
    if (runs.length === 0) return html`<div class="empty">暂无运行记录</div>`;
    return html`<table data-testid="runs">
      <thead><tr><th>批次</th><th>采集任务</th><th>触发</th><th>开始</th><th>结束</th><th>状态</th><th>读取</th><th>写入</th><th>隔离</th><th>重试</th><th>错误</th></tr></thead>
      <tbody>
        ${runs.map(
          (r) => html`<tr>
            <td class="num">${r.run_id}</td><td>${r.feed}</td><td>${TRIGGER[r.trigger] ?? r.trigger}</td>
            <td>${r.started_at.slice(0, 19)}</td><td>${r.ended_at?.slice(0, 19) ?? '—'}</td>
            <td class=${r.status}>${STATUS[r.status] ?? r.status}</td>
            <td class="num">${n(r.rows_in)}</td><td class="num">${n(r.rows_written)}</td><td class="num">${n(r.rows_rejected)}</td>
            <td class="num">${r.retries}</td><td class="reason">${r.error ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private quarantineTable(quarantine: QuarantineRow[]) {
    if (quarantine.length === 0) return html`<div class="empty">没有被隔离的数据</div>`;
    return html`<table data-testid="quarantine">
      <thead><tr><th>隔离时间</th><th>采集任务</th><th>批次</th><th>记录</th><th>原因</th></tr></thead>
      <tbody>
        ${quarantine.map(
          (q) => html`<tr>
            <td>${q.quarantined_at.slice(0, 19)}</td><td>${q.feed}</td><td class="num">${q.run_id}</td><td>${q.natural_key}</td><td class="reason">${q.reason}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  render() {
    const { page } = this;
    const data = this.data.value;
    const feed = page.sel?.feed ?? '';
    // Until the first load is in, one placeholder holds the screen: panels that appeared one
    // by one would push each other down (layout shift 0.76 on a phone).
    if (!data)
      return html`${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}<div class="placeholder">${notYet(this.data.failed)}</div>`;
    return html`
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      ${staleNote(this.data)}
      ${this.calendarWarning(data.calendar)}
      <section class="panel" aria-label="采集健康">
        ${tableExport('/api/feeds/health', {})}
        <h2>采集健康</h2>
        ${this.healthTable(data.health)}
        <div class="note">数据滞后：已采集数据的最新时间距现在多久；每 ${REFRESH_MS / 1000} 秒自动刷新。</div>
      </section>
      <div class="filters">
        <label>采集任务
          <select aria-label="采集任务" @change=${(e: Event) => page.select({ feed: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${feed === ''}>全部</option>
            ${data.health.map((h) => html`<option value=${h.feed} ?selected=${h.feed === feed}>${h.feed}</option>`)}
          </select>
        </label>
      </div>
      <section class="panel" aria-label="运行日志">${tableExport('/api/runs', { ...(feed ? { feed } : {}), limit: '50' })}<h2>运行日志（最近 50 次）</h2>${this.runTable(data.runs)}</section>
      <section class="panel" aria-label="隔离数据">${tableExport('/api/quarantine', { ...(feed ? { feed } : {}), limit: '200' })}<h2>隔离数据及原因</h2>${this.quarantineTable(data.quarantine)}</section>
    `;
  }
}
