// One region picker for every page: a searchable tree (name, pinyin initials, code), names with
// their city where ambiguous, keyboard-driven as a combobox (↑ ↓ Enter Esc). Fires 'change'
// with the chosen region's code; `regions` are the ones the page offers.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { matchRegions, regionEntries, type PickerRegion, type RegionEntry } from '../../../contracts/region-search.js';

@customElement('si-region-picker')
export class RegionPicker extends LitElement {
  static styles = css`
    :host { display: inline-block; position: relative; min-width: min(240px, 100%); }
    label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted, #5b6b7c); gap: 4px; }
    input { font: inherit; font-size: 1rem; padding: 6px 10px; border: 1px solid var(--line, #dde3ea); border-radius: 6px; color: var(--ink, #1d2733); width: 100%; box-sizing: border-box; }
    input:focus-visible { outline: 3px solid var(--accent, #1f5fa8); outline-offset: 1px; }
    ul { position: absolute; z-index: 10; left: 0; right: 0; max-height: 320px; overflow-y: auto; margin: 2px 0 0; padding: 4px 0; list-style: none; background: #fff; border: 1px solid var(--line, #dde3ea); border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 12%); }
    li { padding: 5px 10px; cursor: pointer; color: var(--ink, #1d2733); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    li[aria-selected='true'] { background: #e8f0fa; }
    li.current { font-weight: 600; }
    .empty { color: var(--muted, #5b6b7c); cursor: default; }
  `;

  @property() label = '地区';
  @property() value = '';
  @property({ attribute: false }) regions: PickerRegion[] = [];
  @state() private query: string | null = null;
  @state() private active = 0;
  private entries: RegionEntry[] = [];

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('regions')) this.entries = regionEntries(this.regions);
  }

  private get shown(): RegionEntry[] {
    return this.query === null ? [] : matchRegions(this.entries, this.query);
  }

  private choose(code: string): void {
    this.query = null;
    if (code !== this.value) this.dispatchEvent(new CustomEvent('change', { detail: code, bubbles: true, composed: true }));
  }

  private key(e: KeyboardEvent): void {
    const shown = this.shown;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (this.query === null) this.query = '';
      const n = Math.max(1, shown.length);
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (e.key === 'Enter' && shown[this.active]) {
      e.preventDefault();
      this.choose(shown[this.active].region.code);
    } else if (e.key === 'Escape') {
      this.query = null;
    }
  }

  protected updated(): void {
    this.renderRoot.querySelector('li[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  }

  render() {
    const current = this.entries.find((e) => e.region.code === this.value);
    const shown = this.shown;
    const open = this.query !== null;
    return html`<label>${this.label}
        <input role="combobox" aria-label=${this.label} aria-expanded=${open} aria-controls="options" aria-autocomplete="list"
          placeholder="名称、拼音首字母或代码" .value=${open ? this.query! : (current?.label ?? '')}
          @focus=${(e: Event) => {
            this.query = '';
            this.active = Math.max(0, this.entries.indexOf(current!));
            (e.target as HTMLInputElement).select();
          }}
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
            this.active = 0;
          }}
          @keydown=${this.key}
          @blur=${() => {
            this.query = null;
          }} />
      </label>
      ${
        open
          ? html`<ul id="options" role="listbox" aria-label=${`${this.label}列表`}>
            ${
              shown.length === 0
                ? html`<li class="empty">没有符合“${this.query}”的地区</li>`
                : shown.map(
                    (e, i) => html`<li role="option" aria-selected=${i === this.active} class=${e.region.code === this.value ? 'current' : ''}
                      style="padding-left:${10 + (this.query ? 0 : e.depth * 14)}px" data-code=${e.region.code}
                      @mousedown=${(ev: Event) => {
                        ev.preventDefault(); // keep the focus, so blur does not close the list before the choice
                        this.choose(e.region.code);
                      }}>${e.label}</li>`,
                  )
            }
          </ul>`
          : ''
      }`;
  }
}
