// The dashboard shell: title, navigation between pages, and the page named by ?view=.
// Each page is its own element and keeps its own state in the URL. On a phone the navigation
// folds into a menu; on a wall (?kiosk=1) it goes, with every page's controls, and the shell
// rotates through ?views= (default: the one opened) every ?every= seconds (default 60).
// Until someone is signed in the login page shows; then a user menu (退出登录). Pages a role
// cannot use are left out of the navigation for clarity only: the server checks every request
// (api/route-rules.ts).
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { KEPT, URL_CHANGED } from './page-controller.js';
import './pages/login-page.js';
import type { SessionInfo } from '../../contracts/access.js';
import { errorText, getSession, SIGNED_OUT, signOut } from './api.js';

interface Page {
  view: string;
  label: string;
  element: string;
  /** Each page is its own chunk, loaded when first shown; its element upgrades once defined. */
  load: () => Promise<unknown>;
  /** Only for these roles (all roles when absent). */
  roles?: string[];
}

/** The address of a tab, carrying KEPT from the address now shown. */
export function tabHref(view: string, search = location.search): string {
  const now = new URLSearchParams(search);
  const next = new URLSearchParams({ view });
  for (const k of KEPT) if (now.get(k)) next.set(k, now.get(k)!);
  return `?${next}`;
}

// Pages in navigation order; the first is the default.
const PAGES: Page[] = [
  { view: 'overview', label: '全省概览', element: 'si-overview-page', load: () => import('./pages/overview-page.js') },
  { view: 'monitor', label: '指标监测', element: 'si-monitor-page', load: () => import('./pages/monitor-page.js') },
  { view: 'agency', label: '机构自查', element: 'si-agency-page', load: () => import('./pages/agency-page.js') },
  { view: 'scores', label: '绩效评分', element: 'si-score-page', load: () => import('./pages/score-page.js') },
  { view: 'report', label: '评价报告', element: 'si-report-page', load: () => import('./pages/report-page.js') },
  // Members of a round hold these roles; the page lists only the user's rounds (all for an administrator).
  {
    view: 'evaluation',
    label: '评价工作',
    element: 'si-evaluation-page',
    load: () => import('./pages/evaluation-page.js'),
    roles: ['admin', 'leader', 'agency', 'evaluator'],
  },
  { view: 'sql', label: 'SQL 查询', element: 'si-sql-page', load: () => import('./pages/sql-page.js'), roles: ['admin', 'analyst'] },
  { view: 'collectors', label: '数据采集', element: 'si-collectors-page', load: () => import('./pages/collectors-page.js'), roles: ['admin'] },
  { view: 'dictionary', label: '指标词典', element: 'si-dictionary-page', load: () => import('./pages/dictionary-page.js') },
  { view: 'audit', label: '审计日志', element: 'si-audit-page', load: () => import('./pages/audit-page.js'), roles: ['admin'] },
];

@customElement('si-app')
export class SiApp extends LitElement {
  static styles = css`
    :host { display: block; max-width: 1880px; margin: 0 auto; padding: 16px 20px 40px; }
    :host([kiosk]) { max-width: none; padding: 12px 24px; }
    :host([kiosk]) nav, :host([kiosk]) .menu { display: none; }
    header { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 12px; }
    h1 { font-size: 1.5rem; margin: 0; }
    .subtitle { color: var(--muted); font-size: 0.85rem; }
    nav { display: flex; gap: 4px; margin-top: 12px; border-bottom: 1px solid var(--line); }
    nav a { padding: 8px 14px; color: var(--muted); text-decoration: none; border-bottom: 3px solid transparent; }
    nav a[aria-current='page'] { color: var(--accent); border-bottom-color: var(--accent); font-weight: 600; }
    nav a:focus-visible { outline: 3px solid var(--accent); }
    .menu { display: none; font: inherit; margin-top: 10px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
    .user { display: flex; align-items: baseline; gap: 10px; font-size: 0.9rem; }
    .user .roles { color: var(--muted); }
    .user button { font: inherit; font-size: 0.85rem; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
    :host([kiosk]) .user { display: none; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
    /* Paper carries the page's content only: no tabs, menu or account. */
    @media print {
      :host { max-width: none; padding: 0; }
      nav, .menu, .user { display: none !important; }
    }
    @media (max-width: 720px) {
      :host { padding: 10px 10px 32px; }
      h1 { font-size: 1.2rem; }
      .menu { display: block; width: 100%; text-align: left; }
      nav { display: none; flex-direction: column; border-bottom: none; margin-top: 4px; }
      nav.open { display: flex; }
      nav a { border-bottom: none; border-left: 3px solid transparent; white-space: nowrap; }
      nav a[aria-current='page'] { border-left-color: var(--accent); }
    }
  `;

  @state() private view = PAGES[0].view;
  @state() private menuOpen = false;
  /** undefined while asking the server who is signed in. */
  @state() private session: SessionInfo | undefined;
  @state() private error = '';
  private readonly onPop = () => this.readView();
  /** A page changed the address (a region chosen): the tabs' links follow. */
  private readonly onUrl = () => this.requestUpdate();
  private readonly onSignedOut = () => this.loadSession();
  private rotation: ReturnType<typeof setInterval> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPop);
    window.addEventListener(URL_CHANGED, this.onUrl);
    window.addEventListener(SIGNED_OUT, this.onSignedOut);
    this.loadSession().then(() => {
      const q = new URLSearchParams(location.search);
      if (q.get('kiosk') === '1') this.startKiosk(q);
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
    window.removeEventListener(URL_CHANGED, this.onUrl);
    window.removeEventListener(SIGNED_OUT, this.onSignedOut);
    clearInterval(this.rotation);
  }

  private async loadSession(): Promise<void> {
    try {
      this.session = await getSession();
      this.error = '';
      this.ownRegion();
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
    this.ownRegion();
    this.readView();
  }

  /** Wall mode: large type and no controls (the pages hide theirs through --controls), rotating. */
  private startKiosk(q: URLSearchParams): void {
    this.setAttribute('kiosk', '');
    document.documentElement.classList.add('kiosk');
    const views = (q.get('views') ?? this.view).split(',').filter((v) => this.pages().some((p) => p.view === v));
    const every = Math.max(10, Number(q.get('every')) || 60) * 1000;
    if (views.length < 2) return;
    let i = Math.max(0, views.indexOf(this.view));
    this.rotation = setInterval(() => {
      i = (i + 1) % views.length;
      const next = new URLSearchParams(location.search);
      next.set('view', views[i]);
      history.replaceState(null, '', `?${next}`);
      this.view = views[i];
    }, every);
  }

  /** A page opened without a region opens on the user's own (their scope's top). */
  private ownRegion(): void {
    const region = this.session?.user?.region_code;
    const q = new URLSearchParams(location.search);
    if (!region || q.has('region')) return;
    q.set('region', region);
    history.replaceState(null, '', `?${q}`);
  }

  private readView(): void {
    const v = new URLSearchParams(location.search).get('view');
    const pages = this.pages();
    this.view = pages.some((p) => p.view === v) ? v! : pages[0].view;
  }

  private go(e: Event, view: string): void {
    e.preventDefault();
    history.pushState(null, '', tabHref(view));
    this.view = view;
    this.menuOpen = false;
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
    void page.load();
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
      <button class="menu" aria-expanded=${this.menuOpen} aria-controls="pages" @click=${() => {
        this.menuOpen = !this.menuOpen;
      }}>☰ 菜单 · ${page.label}</button>
      <nav id="pages" aria-label="页面" class=${this.menuOpen ? 'open' : ''}>
        ${pages.map(
          (p) =>
            html`<a href=${tabHref(p.view)} aria-current=${p.view === this.view ? 'page' : 'false'} @click=${(e: Event) => this.go(e, p.view)}>${p.label}</a>`,
        )}
      </nav>
      <main>${staticHtml`<${unsafeStatic(page.element)}></${unsafeStatic(page.element)}>`}</main>
    `;
  }
}
