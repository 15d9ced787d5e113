// Renders a Vega-Lite spec. Marks itself data-rendered once drawn, with the number of
// data rows, so tests and users can tell an empty chart from a loading one. Vega's
// expressions run in its interpreter: the page's CSP allows no eval (api/security-headers.ts).
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

@customElement('si-vega-chart')
export class VegaChart extends LitElement {
  static styles = css`
    :host { display: block; min-height: 120px; }
    .chart { width: 100%; }
  `;

  @property({ attribute: false }) spec: TopLevelSpec | null = null;
  @query('.chart') private container!: HTMLDivElement;
  private view: Result | null = null;

  render() {
    return html`<div class="chart" role="img" aria-label=${String((this.spec?.title as { text?: string })?.text ?? '图表')}></div>`;
  }

  protected async updated(changed: PropertyValues): Promise<void> {
    if (!changed.has('spec') || !this.spec) return;
    this.view?.finalize();
    this.removeAttribute('data-rendered');
    this.view = await embed(this.container, this.spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter });
    const values = (this.spec.data as { values?: unknown[] } | undefined)?.values ?? [];
    this.setAttribute('data-rows', String(values.length));
    this.setAttribute('data-rendered', 'true');
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.finalize();
  }
}
