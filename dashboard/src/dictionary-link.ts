// Links to 指标词典 (?view=dictionary) from the panels and the console's schema browser: an
// indicator by its Appendix A code (opened there), a metric by its code (its indicators found),
// keeping the region and scheme chosen as every address does.
import { html } from 'lit';
import { KEPT } from './page-controller.js';

export function dictionaryHref(by: { code: string } | { metric: string } | null = null): string {
  const now = new URLSearchParams(location.search);
  const next = new URLSearchParams({ view: 'dictionary' });
  for (const k of KEPT) if (now.get(k)) next.set(k, now.get(k)!);
  if (by && 'code' in by) next.set('code', by.code);
  if (by && 'metric' in by) next.set('q', by.metric);
  return `?${next}`;
}

/** A link to the dictionary's entry, labelled `text`. */
export const dictionaryLink = (by: { code: string } | { metric: string }, text: unknown = '指标说明') =>
  html`<a class="dictionary" href=${dictionaryHref(by)} title="在指标词典中查看定义、分子分母和附录A编码">${text}</a>`;
