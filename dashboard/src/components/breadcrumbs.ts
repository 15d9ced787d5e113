// Province › city › county trail; each ancestor is a link back up (fires 'navigate').
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface Crumb {
  code: string;
  name: string;
}

@customElement('si-breadcrumbs')
export class Breadcrumbs extends LitElement {
  static styles = css`
    :host { display: block; font-size: 1.05rem; min-height: 1.8rem; }
    ol { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; }
    li + li::before { content: '›'; color: var(--muted, #5b6b7c); margin-right: 6px; }
    a { color: var(--accent, #1f5fa8); text-decoration: none; }
    a:hover { text-decoration: underline; }
    a:focus-visible { outline: 3px solid var(--accent, #1f5fa8); }
    [aria-current] { font-weight: 600; }
  `;

  @property({ attribute: false }) trail: Crumb[] = [];
  /** Builds the link of a crumb, so each is a real, shareable URL. */
  @property({ attribute: false }) href: (code: string) => string = () => '#';

  private go(e: Event, code: string): void {
    e.preventDefault();
    this.dispatchEvent(new CustomEvent('navigate', { detail: code, bubbles: true, composed: true }));
  }

  render() {
    return html`<nav aria-label="地区层级"><ol>
      ${this.trail.map((c, i) =>
        i === this.trail.length - 1
          ? html`<li aria-current="page">${c.name}</li>`
          : html`<li><a href=${this.href(c.code)} @click=${(e: Event) => this.go(e, c.code)}>${c.name}</a></li>`,
      )}
    </ol></nav>`;
  }
}
