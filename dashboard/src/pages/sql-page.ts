// SQL 查询 page: analysts write read-only SQL over the tables and indicator views in an editor
// that completes the schema's names, run it with Ctrl+Enter, and see the result as a table (its
// rows virtualised) and a quick chart; the query run is in the URL (?q=), so a link reopens and
// reruns it; queries can be saved by name, examples loaded, the result downloaded as Excel or
// CSV. A refusal shows in Chinese with the technical reason (DuckDB's message) beneath.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { PropertyValues } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, errorText, getTable } from '../api.js';
import '../components/sql-editor.js';
import type { SqlEditor } from '../components/sql-editor.js';
import '../components/sql-result-table.js';
import '../components/sql-schema-browser.js';
import { PageController, pick } from '../page-controller.js';
import { deleteSaved, downloadResult, runSql, saveQuery, type SqlResult } from '../sql-api.js';
import { CHART_ROWS, defaultChoice, isNumeric, quickChartSpec, type ChartChoice, type Mark } from '../sql-chart.js';

type Side = 'examples' | 'saved' | 'schema';
const SIDE_LABEL: Record<Side, string> = { examples: '示例查询', saved: '已保存', schema: '表和视图' };
const MARK_LABEL: Record<Mark, string> = { bar: '柱状图', line: '折线图', point: '散点图' };

@customElement('si-sql-page')
export class SqlPage extends LitElement {
  static styles = css`
    :host { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 16px; margin-top: 16px; }
    /* Stacked on a phone, the lists above the editor keep one height while they load, so the
       editor does not jump down when they arrive (layout shift 0.24 before). */
    @media (max-width: 900px) { :host { grid-template-columns: minmax(0, 1fr); } aside { height: 40vh; box-sizing: border-box; } }
    section { min-width: 0; }
    aside, .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
    aside { max-height: 80vh; overflow: auto; }
    .tabs { display: flex; gap: 4px; margin-bottom: 8px; }
    .tabs button { flex: 1; font: inherit; font-size: 0.85rem; padding: 4px; border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; }
    .tabs button[aria-pressed='true'] { background: var(--accent); color: #fff; border-color: var(--accent); }
    .item { border-bottom: 1px solid var(--line); padding: 6px 0; font-size: 0.85rem; }
    .item button.load { font: inherit; border: none; background: none; color: var(--accent); cursor: pointer; padding: 0; text-align: left; font-weight: 600; }
    .item .desc { color: var(--muted); margin-top: 2px; }
    .item .del { float: right; font: inherit; font-size: 0.75rem; border: none; background: none; color: var(--bad); cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
    .toolbar button, .chart-controls select, .toolbar input { font: inherit; font-size: 0.9rem; padding: 5px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
    .toolbar button.run { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 600; }
    .toolbar .hint { color: var(--muted); font-size: 0.8rem; }
    .status { color: var(--muted); font-size: 0.85rem; margin: 6px 0; }
    .warn { color: #8a5a00; }
    .error { background: #fdecea; color: var(--bad); border: 1px solid #f5c2c0; padding: 10px 14px; border-radius: 6px; margin: 8px 0; white-space: pre-wrap; }
    .error .detail { display: block; margin-top: 6px; color: var(--muted); font-family: ui-monospace, monospace; font-size: 0.8rem; }
    .note { color: var(--muted); font-size: 0.85rem; margin: 6px 0; }
    .chart-controls { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 6px; }
    .chart-controls label { display: flex; flex-direction: column; font-size: 0.8rem; color: var(--muted); gap: 2px; }
    h2 { font-size: 1rem; margin: 14px 0 6px; }
  `;

  // The side panel's tab and the query last run are in the URL; the lists are reloaded when new data lands.
  private readonly page = new PageController(this, {
    view: 'sql',
    reference: async () => null,
    read: (q) => ({ side: pick(q.get('side'), Object.keys(SIDE_LABEL) as Side[], 'examples'), q: q.get('q') ?? '' }),
  });

  /** The URL's query last taken into the editor and run (a link opened, back or forward). */
  private fromUrl = '';

  private readonly lists = this.page.load(
    async () => {
      const [examples, saved, catalog] = await Promise.all([getTable('/api/sql/examples'), getTable('/api/sql/saved'), getTable('/api/sql/schema')]);
      return { examples, saved, catalog };
    },
    () => [],
  );

  /** The query run, on request (Ctrl+Enter or 运行). */
  private readonly result = new Task(this, {
    task: ([sql]: readonly [string]) => runSql(sql),
    autoRun: false,
    onComplete: (result: SqlResult) => {
      const keep = this.choice && [this.choice.x, this.choice.y].every((n) => result.columns.some((c) => c.name === n));
      if (!keep) this.choice = defaultChoice(result.columns);
    },
  });

  @state() private sql = 'SELECT * FROM mart_metric_value LIMIT 100';
  @state() private name = '';
  @state() private choice: ChartChoice | null = null;
  /** Why saving, deleting or downloading failed; '' when it did not. */
  @state() private actionError = '';
  @state() private note = '';
  @query('si-sql-editor') private editor!: SqlEditor;

  private get running(): boolean {
    return this.result.status === TaskStatus.PENDING;
  }

  /** Runs the editor's query, and puts it in the URL (a new history entry) unless it came from there. */
  private run(record = true): void {
    if (this.running || !this.sql.trim()) return;
    this.actionError = '';
    this.note = '';
    if (record && this.sql !== this.page.sel?.q) {
      this.fromUrl = this.sql;
      this.page.select({ q: this.sql });
    }
    void this.result.run([this.sql]);
  }

  protected willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const q = this.page.sel?.q ?? '';
    if (q === this.fromUrl) return;
    this.fromUrl = q;
    if (!q) return;
    this.sql = q;
    this.run(false);
  }

  private load(sql: string, name = ''): void {
    this.sql = sql;
    this.name = name;
    this.run();
  }

  private insert(text: string): void {
    this.editor.insert(text);
  }

  private async save(): Promise<void> {
    const name = this.name.trim();
    if (!name) {
      this.actionError = '请先填写查询名称再保存';
      return;
    }
    try {
      await saveQuery(name, this.sql);
      await this.lists.task.run();
      this.note = `已保存为「${name}」`;
      this.actionError = '';
    } catch (err) {
      this.actionError = errorText(err);
    }
  }

  private async removeSaved(name: string): Promise<void> {
    try {
      await deleteSaved(name);
      await this.lists.task.run();
    } catch (err) {
      this.actionError = errorText(err);
    }
  }

  private async download(format: 'csv' | 'xlsx'): Promise<void> {
    try {
      await downloadResult(this.sql, this.name.trim() || 'query', format);
    } catch (err) {
      this.actionError = errorText(err);
    }
  }

  private renderSide(side: Side) {
    const lists = this.lists.value;
    if (!lists) return html`<div class="note">${this.page.error ? '未能加载' : '正在加载…'}</div>`;
    switch (side) {
      case 'examples':
        return lists.examples.map(
          (e) => html`<div class="item">
            <button class="load" @click=${() => this.load(e.query)}>${e.title}</button>
            <div class="desc">${e.description}</div>
          </div>`,
        );
      case 'saved':
        return lists.saved.length === 0
          ? html`<div class="note">还没有保存的查询：写好查询，填写名称，点“保存”。</div>`
          : lists.saved.map(
              (s) => html`<div class="item">
                <button class="del" aria-label="删除 ${s.name}" @click=${() => this.removeSaved(s.name)}>删除</button>
                <button class="load" @click=${() => this.load(s.query, s.name)}>${s.name}</button>
                <div class="desc">更新于 ${s.updated_at}</div>
              </div>`,
            );
      default:
        return html`<si-sql-schema-browser .objects=${lists.catalog} @insert-text=${(e: CustomEvent<string>) => this.insert(e.detail)}></si-sql-schema-browser>`;
    }
  }

  private setChoice(patch: Partial<ChartChoice>): void {
    this.choice = { ...this.choice!, ...patch };
  }

  private renderChart(result: SqlResult) {
    const choice = this.choice;
    if (!choice || result.rows.length === 0) return html`<div class="note">结果中没有数值列或没有数据，无法作图。</div>`;
    const option = (name: string, selected: string) => html`<option value=${name} ?selected=${name === selected}>${name}</option>`;
    return html`
      <div class="chart-controls">
        <label>横轴 (x)
          <select aria-label="横轴" @change=${(e: Event) => this.setChoice({ x: (e.target as HTMLSelectElement).value })}>
            ${result.columns.map((c) => option(c.name, choice.x))}
          </select>
        </label>
        <label>纵轴 (y)
          <select aria-label="纵轴" @change=${(e: Event) => this.setChoice({ y: (e.target as HTMLSelectElement).value })}>
            ${result.columns.filter(isNumeric).map((c) => option(c.name, choice.y))}
          </select>
        </label>
        <label>颜色
          <select aria-label="颜色" @change=${(e: Event) => this.setChoice({ color: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${choice.color === ''}>（无）</option>
            ${result.columns.map((c) => option(c.name, choice.color))}
          </select>
        </label>
        <label>图形
          <select aria-label="图形" @change=${(e: Event) => this.setChoice({ mark: (e.target as HTMLSelectElement).value as Mark })}>
            ${(Object.keys(MARK_LABEL) as Mark[]).map((m) => html`<option value=${m} ?selected=${m === choice.mark}>${MARK_LABEL[m]}</option>`)}
          </select>
        </label>
      </div>
 ${result.rows.length > CHART_ROWS ? html`<div class="note">图中只画前 ${CHART_ROWS} 行（共 ${result.rows.length} 行）。</div>` : nothing}
      <si-vega-chart data-testid="sql-chart" .spec=${quickChartSpec(result.rows, result.columns, choice)}></si-vega-chart>
    `;
  }

  render() {
    const side = this.page.sel?.side ?? 'examples';
    const r = this.result.value;
    const failed = this.result.status === TaskStatus.ERROR ? this.result.error : null;
    const error = this.actionError || (failed ? errorText(failed) : '') || this.page.error;
    const detail = failed instanceof ApiError ? failed.detail : '';
    return html`
      <aside aria-label="查询资料">
        <div class="tabs" role="group">
          ${(Object.keys(SIDE_LABEL) as Side[]).map(
            (s) => html`<button aria-pressed=${String(side === s)} @click=${() => this.page.select({ side: s })}>${SIDE_LABEL[s]}</button>`,
          )}
        </div>
        ${this.renderSide(side)}
      </aside>
      <section>
        <div class="panel">
          <si-sql-editor
            .value=${this.sql}
            .objects=${this.lists.value?.catalog ?? []}
            @change=${(e: CustomEvent<string>) => (this.sql = e.detail)}
            @run=${() => this.run()}
          ></si-sql-editor>
          <div class="toolbar">
            <button class="run" ?disabled=${this.running} @click=${() => this.run()}>${this.running ? '运行中…' : '运行'}</button>
            <span class="hint">Ctrl+Enter 运行 · 只读查询，超时自动终止</span>
            <input aria-label="查询名称" placeholder="查询名称" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
            <button @click=${() => this.save()}>保存</button>
            <button ?disabled=${!r} @click=${() => this.download('xlsx')}>下载 Excel</button>
            <button ?disabled=${!r} @click=${() => this.download('csv')}>下载 CSV</button>
          </div>
          ${error ? html`<div class="error" role="alert">${error}${detail ? html`<span class="detail" data-testid="error-detail">${detail}</span>` : nothing}</div>` : nothing}
          ${this.note ? html`<div class="note" role="status">${this.note}</div>` : nothing}
          ${
            r
              ? html`<div class="status" data-testid="sql-status">
                  ${r.rows.length} 行 · 用时 ${r.elapsedMs} ms
                  ${r.truncated ? html`<span class="warn">· 结果已截断，仅显示前 ${r.rows.length} 行（请加筛选或 LIMIT）</span>` : nothing}
                </div>
                <si-sql-result-table .columns=${r.columns} .rows=${r.rows}></si-sql-result-table>
                <h2>快速作图</h2>
                ${this.renderChart(r)}`
              : nothing
          }
        </div>
      </section>
    `;
  }
}
