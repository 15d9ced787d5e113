// The dashboard shell: title, navigation between pages, and the page named by ?view=.
// Each page is its own element and keeps its own state in the URL.
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';

interface Page {
  view: string;
  label: string;
  element: string;
  /** Each page is its own chunk, loaded when first shown; its element upgrades once defined. */
  load: () => Promise<unknown>;
}

// Pages in navigation order; the first is the default.
const PAGES: Page[] = [
  { view: 'overview', label: '全省概览', element: 'si-overview-page', load: () => import('./pages/overview-page.js') },
  { view: 'monitor', label: '指标监测', element: 'si-monitor-page', load: () => import('./pages/monitor-page.js') },
  { view: 'agency', label: '机构自查', element: 'si-agency-page', load: () => import('./pages/agency-page.js') },
  { view: 'scores', label: '绩效评分', element: 'si-score-page', load: () => import('./pages/score-page.js') },
  { view: 'report', label: '评价报告', element: 'si-report-page', load: () => import('./pages/report-page.js') },
  { view: 'sql', label: 'SQL 查询', element: 'si-sql-page', load: () => import('./pages/sql-page.js') },
  { view: 'collectors', label: '数据采集', element: 'si-collectors-page', load: () => import('./pages/collectors-page.js') },
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
  `;

  @state() private view = PAGES[0].view;
  private readonly onPop = () => this.readView();

  connectedCallback(): void {
    super.connectedCallback();
    this.readView();
    window.addEventListener('popstate', this.onPop);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPop);
  }

  private readView(): void {
    const v = new URLSearchParams(location.search).get('view');
    this.view = PAGES.some((p) => p.view === v) ? v! : PAGES[0].view;
  }

  private go(e: Event, view: string): void {
    e.preventDefault();
    history.pushState(null, '', `?view=${view}`);
    this.view = view;
  }

  render() {
    const page = PAGES.find((p) => p.view === this.view)!;
    void page.load();
    return html`
      <header>
        <h1>社会保险经办绩效监测</h1>
        <span class="subtitle">依据《社会保险经办绩效评价规范》· 纵横比较法</span>
      </header>
      <nav aria-label="页面">
        ${PAGES.map(
          (p) =>
            html`<a href="?view=${p.view}" aria-current=${p.view === this.view ? 'page' : 'false'} @click=${(e: Event) => this.go(e, p.view)}>${p.label}</a>`,
        )}
      </nav>
      <main>${staticHtml`<${unsafeStatic(page.element)}></${unsafeStatic(page.element)}>`}</main>
    `;
  }
}
