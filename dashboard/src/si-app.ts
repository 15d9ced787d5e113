// The dashboard shell: the login page until someone is signed in; then title, navigation
// between pages, the user menu (退出登录) and the page named by ?view=. Each page is its own
// element and keeps its own state in the URL. Pages a role cannot use are left out of the
// navigation for clarity only: the server checks every request (api/route-rules.ts).
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import './pages/monitor-page.js';
import './pages/overview-page.js';
import './pages/agency-page.js';
import './pages/score-page.js';
import './pages/report-page.js';
import './pages/sql-page.js';
import './pages/collectors-page.js';
import './pages/audit-page.js';
import './pages/login-page.js';
import type { SessionInfo } from '../../contracts/access.js';
import { errorText, getSession, SIGNED_OUT, signOut } from './api.js';

interface Page {
  view: string;
  label: string;
  element: string;
  /** Only for these roles (all roles when absent). */
  roles?: string[];
}

// Pages in navigation order; the first is the default.
const PAGES: Page[] = [
  { view: 'overview', label: '全省概览', element: 'si-overview-page' },
  { view: 'monitor', label: '指标监测', element: 'si-monitor-page' },
  { view: 'agency', label: '机构自查', element: 'si-agency-page' },
  { view: 'scores', label: '绩效评分', element: 'si-score-page' },
  { view: 'report', label: '评价报告', element: 'si-report-page' },
  { view: 'sql', label: 'SQL 查询', element: 'si-sql-page', roles: ['admin', 'analyst'] },
  { view: 'collectors', label: '数据采集', element: 'si-collectors-page', roles: ['admin'] },
  { view: 'audit', label: '审计日志', element: 'si-audit-page', roles: ['admin'] },
];

@customElement('si-app')
export class SiApp extends LitElement {
  static styles = css`
    :host { display: block; max-width: 1280px; margin: 0 auto; padding: 16px 20px 40px; }
    header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 12px; }
    h1 { font-size: 1.5rem; margin: 0; }
    .subtitle { color: var(--muted); font-size: 0.85rem; }
    nav { display: flex; gap: 4px; margin-top: 12px; border-bottom: 1px solid var(--line); }
    nav a { padding: 8px 14px; color: var(--muted); text-decoration: none; border-bottom: 3px solid transparent; }
    nav a[aria-current='page'] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
    nav a:focus-visible { outline: 3px solid var(--accent); }
    .user { display: flex; align-items: baseline; gap: 10px; font-size: 0.9rem; }
    .user .roles { color: var(--muted); }
    .user button { font: inherit; font-size: 0.85rem; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
  `;

  @state() private view = PAGES[0].view;
  /** undefined while asking the server who is signed in. */
  @state() private session: SessionInfo | undefined;
  @state() private error = '';
  private readonly onPop = () => this.readView();
  private readonly onSignedOut = () => this.loadSession();

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPop);
    window.addEventListener(SIGNED_OUT, this.onSignedOut);
    this.loadSession();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
    window.removeEventListener(SIGNED_OUT, this.onSignedOut);
  }

  private async loadSession(): Promise<void> {
    try {
      this.session = await getSession();
      this.error = '';
      this.readView();
    } catch (err) {
      this.error = errorText(err);
    }
  }

  /** The pages the signed-in user's roles use. */
  private pages(): Page[] {
    const roles = this.session?.user?.roles ?? [];
    return PAGES.filter((p) => !p.roles || p.roles.some((r) => roles.includes(r)));
  }

  private readView(): void {
    const v = new URLSearchParams(location.search).get('view');
    const pages = this.pages();
    this.view = pages.some((p) => p.view === v) ? v! : pages[0].view;
  }

  private async logOut(): Promise<void> {
    try {
      await signOut();
    } catch (err) {
      this.error = errorText(err);
    }
    await this.loadSession();
  }

  private signedIn(e: CustomEvent<SessionInfo>): void {
    this.session = e.detail;
    this.readView();
  }

  private go(e: Event, view: string): void {
    e.preventDefault();
    history.pushState(null, '', `?view=${view}`);
    this.view = view;
  }

  render() {
    const title = html`<h1>社会保险经办绩效监测</h1>
      <span class="subtitle">依据《社会保险经办绩效评价规范》· 纵横比较法</span>`;
    const error = this.error ? html`<div class="error" role="alert">${this.error}</div>` : '';
    const user = this.session?.user;
    if (!this.session) return html`<header>${title}</header>${error}`;
    if (!user)
      return html`<header>${title}</header>${error}
        <si-login-page .oidcLabel=${this.session.oidc_label} @signed-in=${this.signedIn}></si-login-page>`;
    const pages = this.pages();
    const page = pages.find((p) => p.view === this.view) ?? pages[0];
    return html`
      <header>
        <div>${title}</div>
        <div class="user" aria-label="当前用户">
          <span data-testid="user-name">${user.display_name}</span>
          <span class="roles">${user.role_names.join('、')}${user.region_code ? '' : ' · 未分配地区'}</span>
          <button type="button" @click=${this.logOut}>退出登录</button>
        </div>
      </header>
      ${error}
      <nav aria-label="页面">
        ${pages.map(
          (p) =>
            html`<a href="?view=${p.view}" aria-current=${p.view === this.view ? 'page' : 'false'} @click=${(e: Event) => this.go(e, p.view)}>${p.label}</a>`,
        )}
      </nav>
      <main>${staticHtml`<${unsafeStatic(page.element)}></${unsafeStatic(page.element)}>`}</main>
    `;
  }
}
