// Open alerts raised by the threshold rules: rule, message, since when.
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AlertRow } from '../../../contracts/rows.js';

@customElement('si-alert-list')
export class AlertList extends LitElement {
  static styles = css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; max-height: 360px; overflow-y: auto; }
    li { padding: 6px 4px; border-top: 1px solid var(--line, #dde3ea); }
    .rule { display: inline-block; font-size: 0.8rem; color: #fff; background: var(--bad, #b3261e); border-radius: 4px; padding: 1px 6px; margin-right: 6px; }
    .when { color: var(--muted, #5b6b7c); font-size: 0.8rem; margin-left: 6px; }
  `;

  @property({ attribute: false }) rows: AlertRow[] = [];

  render() {
    return html`<ul>
      ${this.rows.map(
        (a) =>
          html`<li data-alert=${a.alert_id}><span class="rule">${a.rule_label}</span>${a.message}<span class="when">首次发现 ${a.first_fired_at.slice(0, 16)}</span></li>`,
      )}
    </ul>`;
  }
}
