// Renders a Vega-Lite spec. Marks itself data-rendered once drawn, with the number of
// data rows, so tests and users can tell an empty chart from a loading one. Vega's
// expressions run in its interpreter: the page's CSP allows no eval (api/security-headers.ts).
// Vega is loaded with the first chart drawn, so a page's first paint does not wait for it.
// Every chart downloads as PNG (twice the screen's pixels) and SVG, named by its title.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';

const loadVega = () => Promise.all([import('vega-embed'), import('vega-interpreter')]);

@customElement('si-vega-chart')
export class VegaChart extends LitElement {
  static styles = css`
    :host { display: block; min-height: 120px; position: relative; }
    .chart { width: 100%; }
    .export { display: var(--controls, flex); gap: 4px; justify-content: flex-end; }
    /* On paper the chart drawn for the screen's width is scaled to the page's (the SVG has a viewBox). */
    @media print { .chart svg { max-width: 100%; height: auto; } }
    .export button { font: inherit; font-size: 0.75rem; padding: 1px 6px; border: 1px solid var(--line, #dde3ea); border-radius: 4px; background: #fff; color: var(--muted, #5b6b7c); cursor: pointer; }
  `;

  @property({ attribute: false }) spec: TopLevelSpec | null = null;
  @query('.chart') private container!: HTMLDivElement;
  private view: Result | null = null;

  private get chartTitle(): string {
    return String((this.spec?.title as { text?: string })?.text ?? '图表');
  }

  render() {
    return html`<div class="export" aria-label="导出图表">
        <button @click=${() => this.download('png')} title="下载 PNG 图片">PNG</button>
        <button @click=${() => this.download('svg')} title="下载 SVG 矢量图">SVG</button>
      </div>
      <div class="chart" role="img" aria-label=${this.chartTitle}></div>`;
  }

  private async download(type: 'png' | 'svg'): Promise<void> {
    if (!this.view) return;
    const a = document.createElement('a');
    a.href = await this.view.view.toImageURL(type, type === 'png' ? 2 : 1);
    a.download = `${this.chartTitle.replace(/[\\/:*?"<>|\s·]+/g, '_')}.${type}`;
    a.click();
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
