// 登录 page: user name and password, or the province's single sign-on when configured; while
// the embedded demo source is in use, the demo accounts (one per role, and the members of the
// demo's evaluation round) with their passwords, a click filling them in. Fires `signed-in` with the session when the server accepts.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DemoAccount } from '../../../contracts/access.js';
import { errorText, getDemoAccounts, signIn } from '../api.js';

@customElement('si-login-page')
export class LoginPage extends LitElement {
  static styles = css`
    :host { display: block; max-width: 760px; margin: 48px auto; }
    form { max-width: 512px; margin: 0 auto; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; display: grid; gap: 14px; }
    h2 { margin: 0; font-size: 1.3rem; }
    label { display: grid; gap: 4px; font-size: 0.9rem; color: var(--muted); }
    input { font: inherit; font-size: 1rem; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; }
    button, a.sso { font: inherit; font-size: 1rem; padding: 8px 14px; border-radius: 6px; cursor: pointer; text-align: center; }
    button[type='submit'] { background: var(--accent); color: #fff; border: 1px solid var(--accent); }
    a.sso { border: 1px solid var(--line); color: var(--ink); text-decoration: none; }
    input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 8px 12px; border-radius: 6px; }
    .demo { margin-top: 20px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
    .demo h3 { margin: 0 0 6px; font-size: 1rem; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; }
    th { color: var(--muted); font-weight: 600; }
    td button { padding: 2px 8px; font-size: 0.85rem; border: 1px solid var(--line); background: #fff; }
    .note { color: var(--muted); font-size: 0.85rem; }
  `;

  /** The single sign-on button's label; none without an identity service. */
  @property() oidcLabel: string | null = null;
  @state() private login = '';
  @state() private password = '';
  @state() private error = '';
  @state() private busy = false;
  @state() private demo: DemoAccount[] = [];

  connectedCallback(): void {
    super.connectedCallback();
    getDemoAccounts().then(
      (d) => {
        this.demo = d;
      },
      () => undefined, // the form works without the list
    );
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    this.busy = true;
    this.error = '';
    try {
      const info = await signIn(this.login, this.password);
      this.dispatchEvent(new CustomEvent('signed-in', { detail: info, bubbles: true, composed: true }));
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private fill(a: DemoAccount): void {
    this.login = a.login;
    this.password = a.password;
  }

  render() {
    return html`
      <form @submit=${this.submit} aria-label="登录">
        <h2>登录</h2>
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
        <label>用户名<input name="login" autocomplete="username" required .value=${this.login} @input=${(e: Event) => (this.login = (e.target as HTMLInputElement).value)} /></label>
        <label>密码<input name="password" type="password" autocomplete="current-password" required .value=${this.password} @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)} /></label>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? '登录中…' : '登录'}</button>
        ${this.oidcLabel ? html`<a class="sso" href="/api/auth/oidc/start">${this.oidcLabel}</a>` : nothing}
        <span class="note">连续多次输入错误密码后账户将被暂时锁定。</span>
      </form>
      ${
        this.demo.length
          ? html`<section class="demo" aria-label="演示账户">
              <h3>演示账户（内置模拟数据源：每个角色一个，另有演示评价轮次的成员）</h3>
              <table>
                <thead><tr><th>角色</th><th>地区</th><th>账户</th><th>用户名</th><th>密码</th><th></th></tr></thead>
                <tbody>
                  ${this.demo.map(
                    (a) => html`<tr>
                      <td>${a.role_name}</td><td>${a.region_name}</td><td>${a.display_name}</td><td><code>${a.login}</code></td><td><code>${a.password}</code></td>
                      <td><button type="button" @click=${() => this.fill(a)}>填入</button></td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </section>`
          : nothing
      }
    `;
  }
}
