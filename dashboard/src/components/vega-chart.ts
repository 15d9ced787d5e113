// Renders a Vega-Lite spec. Marks itself data-rendered once drawn, with the number of
// data rows, so tests and users can tell an empty chart from a loading one. Vega's
// expressions run in its interpreter: the page's CSP allows no eval (api/security-headers.ts).
// Vega is loaded with the first chart drawn, so a page's first paint does not wait for it.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';

const loadVega = () => Promise.all([import('vega-embed'), import('vega-interpreter')]);

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
    const spec = this.spec;
    this.removeAttribute('data-rendered');
    const [{ default: embed }, { expressionInterpreter }] = await loadVega();
    if (spec !== this.spec) return; // a newer spec arrived while Vega loaded; its update draws it
    this.view?.finalize();
    this.view = await embed(this.container, spec, { actions: false, renderer: 'svg', ast: true, expr: expressionInterpreter });
    const values = (spec.data as { values?: unknown[] } | undefined)?.values ?? [];
    this.setAttribute('data-rows', String(values.length));
    this.setAttribute('data-rendered', 'true');
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.view?.finalize();
  }
}
