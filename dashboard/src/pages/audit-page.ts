// 审计日志 page (administrators): who did what, when and from where — newest first, filtered
// by action, user and days (kept in the URL), exported as CSV with the same filters.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { AuditAction } from '../../../contracts/access.js';
import type { AuditRow } from '../../../contracts/rows.js';
import { getTable } from '../api.js';
import { tableExport } from '../components/table-export.js';
import { fresh, notYet } from '../load-state.js';
import { stateStyles } from '../page-styles.js';
import { PageController } from '../page-controller.js';

const ACTIONS: Record<AuditAction, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  logout_all: '全部设备退出',
  password_change: '修改密码',
  manual_score_import: '导入人工评分',
  saved_query_put: '保存查询',
  saved_query_delete: '删除查询',
  user_add: '新增用户',
  user_role: '变更角色',
  user_reset: '重置密码',
  round_plan: '制订评价计划',
  eval_entry_save: '保存评价分（草稿）',
  eval_entry_submit: '提交评价分',
  evidence_upload: '上传佐证材料',
  region_transition: '评价状态变更',
  round_publish: '发布评价通报',
};

const filled = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));

@customElement('si-audit-page')
export class AuditPage extends LitElement {
  static styles = [
    stateStyles,
    css`
    :host { display: block; margin-top: 16px; }
    .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
    th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { color: var(--muted); font-weight: 600; white-space: nowrap; }
    td.json { font-family: monospace; font-size: 0.8rem; max-width: 360px; word-break: break-all; }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 10px; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 4px; }
    select, input, a.button { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); text-decoration: none; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
    .empty, .loading { color: var(--muted); padding: 16px 0; text-align: center; }
  `,
  ];

  private readonly page = new PageController(this, {
    view: 'audit',
    reference: async () => null,
    read: (q) => ({ action: q.get('action') ?? '', actor: q.get('actor') ?? '', from: q.get('from') ?? '', to: q.get('to') ?? '' }),
  });

  private readonly data = this.page.load(async (sel) => getTable('/api/audit', { ...filled(sel), limit: '500' }));

  private table(rows: AuditRow[]) {
    if (rows.length === 0) return html`<div class="empty">没有符合条件的记录</div>`;
    return html`<table data-testid="audit-log">
      <thead><tr><th>时间</th><th>用户</th><th>操作</th><th>对象</th><th>来源 IP</th><th>客户端</th><th>变更前</th><th>变更后</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <td>${r.acted_at.slice(0, 19)}</td><td>${r.actor ?? '（命令行或未知）'}</td><td>${ACTIONS[r.action as AuditAction] ?? r.action}</td><td>${r.target ?? ''}</td>
            <td>${r.ip ?? ''}</td><td>${r.user_agent ?? ''}</td><td class="json">${r.before ?? ''}</td><td class="json">${r.after ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  render() {
    const { page } = this;
    const sel = page.sel ?? { action: '', actor: '', from: '', to: '' };
    const rows = this.data.value;
    const input = (name: 'actor' | 'from' | 'to', label: string, type: string) =>
      html`<label>${label}<input type=${type} .value=${sel[name]} @change=${(e: Event) => page.select({ [name]: (e.target as HTMLInputElement).value })} /></label>`;
    return html`
      ${page.error ? html`<div class="error" role="alert">${page.error}</div>` : nothing}
      <section class="panel" aria-label="审计日志">
        <div class="filters">
          <label>操作<select @change=${(e: Event) => page.select({ action: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${sel.action === ''}>全部</option>
            ${Object.entries(ACTIONS).map(([k, v]) => html`<option value=${k} ?selected=${k === sel.action}>${v}</option>`)}
          </select></label>
          ${input('actor', '用户', 'text')} ${input('from', '起始日期', 'date')} ${input('to', '截止日期', 'date')}
          ${tableExport('/api/audit', { ...filled(sel), limit: '100000' })}
        </div>
        ${rows ? fresh(this.data, this.table(rows)) : notYet(this.data.failed)}
      </section>
    `;
  }
}
