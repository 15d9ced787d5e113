// Styles shared by the pages: filters, panels, states.
// Sizes are rem-based and panels reserve their height, so nothing jumps while loading.
import { css } from 'lit';

/** A panel's states (load-state.ts), for pages with styles of their own too. */
export const stateStyles = css`
  .empty, .loading { color: var(--muted); padding: 40px 0; text-align: center; }
  /* A failed reload: the earlier figures greyed under the warning, never passed off as current. */
  .stale { background: #fff4e5; color: #8a5a00; border: 1px solid #f3d19c; padding: 6px 10px; border-radius: 6px; margin: 0 0 8px; font-size: 0.9rem; }
  .stale-body { opacity: 0.45; filter: grayscale(1); }
`;

export const pageStyles = css`
  ${stateStyles}
  :host { display: block; }
  .bar { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 12px; margin: 16px 0 12px; }
  .filters { display: var(--controls, flex); flex-wrap: wrap; gap: 12px; min-width: 0; max-width: 100%; }
  label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); gap: 4px; }
  select, button, a.button { font: inherit; font-size: 1rem; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; color: var(--ink); }
  select { min-width: min(160px, 100%); max-width: 100%; }
  @media (max-width: 720px) {
    .filters, .filters label { width: 100%; }
    /* A table wider than a phone scrolls inside its panel, never the page. */
    .panel { padding: 10px; overflow-x: auto; }
    table { font-size: 0.8rem; }
  }
  button, a.button { cursor: pointer; text-decoration: none; }
  select:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
  .grid { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); margin-top: 12px; }
  .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; min-height: 320px; box-sizing: border-box; min-width: 0; }
  .panel.wide { grid-column: 1 / -1; }
  h2 { font-size: 1.1rem; margin: 0 0 10px; }
  .note { color: var(--muted); font-size: 0.85rem; margin-top: 8px; }
  .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 12px 0; }
  /* Holds the screen until a page's first load is in: panels appearing one by one would push each other down. */
  .placeholder { min-height: 100vh; }
  /* What was loaded stays on screen, dimmed, while the next load runs. */
  [aria-busy='true'] > :not(h2) { opacity: 0.6; transition: opacity 0.2s; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
  /* On paper a panel is never cut in two and takes the height it needs; a chart drawn for the
     screen's width is scaled down to the page's (Vega's SVG carries a viewBox). */
  @media print {
    .bar { margin: 0 0 8px; }
    .grid { grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr)); }
    .panel, .tiles > * { break-inside: avoid; min-height: 0; }
    .panel { overflow: visible; }
    h2 { break-after: avoid; }
    svg, canvas, img { max-width: 100%; height: auto; }
  }
`;
