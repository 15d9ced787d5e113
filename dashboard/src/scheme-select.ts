// The scoring-scheme selector shared by the overview and agency pages.
import { html } from 'lit';
import type { SchemeRow } from '../../contracts/rows.js';

export function schemeSelect(schemes: SchemeRow[], selected: string, change: (scheme: string) => void) {
  return html`<label>评分方案
    <select aria-label="评分方案" @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      ${schemes.map((s) => html`<option value=${s.code} ?selected=${s.code === selected}>${s.name}</option>`)}
    </select>
  </label>`;
}
