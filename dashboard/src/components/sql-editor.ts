// The console's editor: CodeMirror with SQL highlighting, and completion from the schema the
// console may read (/api/sql/schema: tables and views with their descriptions, their columns
// with DuckDB types). Ctrl+Enter (⌘+Enter) asks to run. Loaded with the console page only.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Compartment, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import type { CatalogObjectRow } from '../../../contracts/rows.js';

/** The schema as completions: each relation (with its description) and its typed columns. */
function namespace(objects: CatalogObjectRow[]): SQLNamespace {
  return Object.fromEntries(
    objects.map((o) => [
      o.name,
      {
        self: { label: o.name, type: o.kind === 'view' ? 'type' : 'class', detail: o.kind === 'view' ? '视图' : '表', info: o.description },
        children: o.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type })),
      },
    ]),
  );
}

@customElement('si-sql-editor')
export class SqlEditor extends LitElement {
  static styles = css`
    :host { display: block; border: 1px solid var(--line, #dde3ea); border-radius: 6px; overflow: hidden; background: #fff; }
    :host(:focus-within) { outline: 3px solid var(--accent); outline-offset: 1px; }
    .cm-editor { min-height: 180px; max-height: 50vh; font-size: 0.9rem; }
    .cm-editor.cm-focused { outline: none; }
    .cm-scroller { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; }
  `;

  /** The query text; set from outside to replace it, read back from 'change' events. */
  @property() value = '';
  /** What completes: the relations the console may read. */
  @property({ attribute: false }) objects: CatalogObjectRow[] = [];

  private view: EditorView | null = null;
  private readonly language = new Compartment();

  private sqlLanguage() {
    return sql({ dialect: PostgreSQL, upperCaseKeywords: true, schema: namespace(this.objects) });
  }

  /** Inserts text at the cursor (the schema browser's names), and focuses the editor. */
  insert(text: string): void {
    if (!this.view) return;
    this.view.dispatch(this.view.state.replaceSelection(text));
    this.view.focus();
  }

  render() {
    return html`<div class="host"></div>`;
  }

  protected firstUpdated(): void {
    this.view = new EditorView({
      doc: this.value,
      root: this.shadowRoot!,
      parent: this.renderRoot.querySelector('.host')!,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => this.dispatchEvent(new CustomEvent('run')) }])),
        basicSetup,
        this.language.of(this.sqlLanguage()),
        EditorView.contentAttributes.of({ 'aria-label': 'SQL 查询' }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          this.value = u.state.doc.toString();
          this.dispatchEvent(new CustomEvent('change', { detail: this.value }));
        }),
      ],
    });
  }

  protected updated(changed: PropertyValues<this>): void {
    const view = this.view;
    if (!view) return;
    if (changed.has('value') && this.value !== view.state.doc.toString())
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: this.value } });
    if (changed.has('objects')) view.dispatch({ effects: this.language.reconfigure(this.sqlLanguage()) });
  }
}
