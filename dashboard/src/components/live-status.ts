// "更新于 HH:MM:SS" with the state of the live connection, so a user can tell fresh data
// from a dashboard that lost the server.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { onLiveStatus, type LiveStatus } from '../live.js';

const TIME = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

@customElement('si-live-status')
export class LiveStatusBadge extends LitElement {
  static styles = css`
    :host { display: inline-flex; align-items: center; gap: 8px; font-size: 0.9rem; color: var(--muted, #5b6b7c); min-height: 1.6rem; }
    .dot { width: 10px; height: 10px; border-radius: 50%; background: #9aa7b5; }
    .open .dot { background: var(--good, #1a7f4b); }
    .lost { color: var(--bad, #b3261e); }
    .lost .dot { background: var(--bad, #b3261e); }
    span { display: inline-flex; align-items: center; gap: 6px; }
  `;

  @property({ attribute: false }) updatedAt: Date | null = null;
  @state() private status: LiveStatus = 'connecting';
  private off: (() => void) | null = null;

  connectedCallback(): void {
    super.connectedCallback();
    this.off = onLiveStatus((s) => (this.status = s));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
  }

  render() {
    const label = { connecting: '正在连接实时更新…', open: '实时更新', lost: '与服务器的连接已断开，正在重连…' }[this.status];
    return html`<span class=${this.status} role="status" aria-live="polite"><i class="dot" aria-hidden="true"></i>${label}</span>
      <span data-testid="updated-at">${this.updatedAt ? `更新于 ${TIME.format(this.updatedAt)}` : '正在加载…'}</span>`;
  }
}
