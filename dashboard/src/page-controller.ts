// What every page shares. Its selection is typed and lives in the query string: read on
// load and on back/forward (popstate, listened to only while the page is on screen), written
// on every choice, so each view can be shared. Its data loads through @lit/task: reference
// data first (what the selection is read against), then the page's loads, each rerun when
// the part of the selection it depends on changes, and everything again when new data lands
// (live.ts) or, for pages that age by the clock, every so often. What was loaded stays on
// screen while the next load runs and after one fails; the failure is shown above it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { errorText } from './api.js';
import { onLiveChange } from './live.js';

/** Fired on window when a page writes its selection to the address (the shell's tabs follow it). */
export const URL_CHANGED = 'si-url-changed';

/** What every address keeps of the one before, on a page whose selection lacks it: the region
 * chosen (drilled to) and the scheme, so they survive tabs and pages that do not use them. */
export const KEPT = ['region', 'scheme'];

/** A page's selection: named string values, as in the query string. */
export type Selection = Record<string, string>;

/** A load with nothing to load yet (no data at all so far). */
export const NOTHING: typeof initialState = initialState;

export interface PageOptions<Ref, Sel extends Selection> {
  /** The page's name in ?view=. */
  view: string;
  /** Reference data the selection is checked against; reloaded with the page. */
  reference: () => Promise<Ref>;
  /** The selection in the query string, each value checked against the reference data. */
  read: (query: URLSearchParams, ref: Ref) => Sel;
  /** Also reload this often (ms). */
  every?: number;
}

/** A value from the query string if allowed, else the fallback. */
export function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** One load of a page: the last value that arrived and when, and its task (loading / error / done). */
export class PageLoad<R> {
  value: R | undefined;
  loadedAt: Date | null = null;
  constructor(readonly task: Task<readonly unknown[], R>) {}

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  get failed(): boolean {
    return this.task.status === TaskStatus.ERROR;
  }
}

export class PageController<Ref, Sel extends Selection> implements ReactiveController {
  /** The reference data and the selection, once the first reference load is in. */
  ref: Ref | undefined;
  sel: Sel | undefined;
  /** When the page's data last arrived. */
  updatedAt: Date | null = null;
  /** Counts reference loads: every load depends on it, so all rerun after one. */
  stamp = 0;
  private generation = 0;
  private readonly reference: Task<readonly unknown[], Ref>;
  /** Why each failed load failed, until it next succeeds (a retry still running keeps it). */
  private readonly failures = new Map<object, string>();
  private offLive: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onPop = () => {
    if (this.ref === undefined) return;
    this.sel = this.opts.read(new URLSearchParams(location.search), this.ref);
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: PageOptions<Ref, Sel>,
  ) {
    host.addController(this);
    this.reference = new Task(host, {
      task: () => opts.reference(),
      args: () => [this.generation],
      onComplete: (ref) => {
        this.failures.delete(this.reference);
        this.ref = ref;
        this.sel = opts.read(new URLSearchParams(location.search), ref);
        this.stamp++;
      },
      onError: (err) => {
        this.failures.set(this.reference, errorText(err));
      },
    });
  }

  /** A load of the page from its selection, rerun when `depends` of the selection changes. */
  load<R>(run: (sel: Sel, ref: Ref) => Promise<R | typeof NOTHING>, depends: (sel: Sel) => unknown[] = Object.values): PageLoad<R> {
    const task: Task<readonly unknown[], R> = new Task<readonly unknown[], R>(this.host, {
      task: async () => {
        const value = this.sel && this.ref !== undefined ? await run(this.sel, this.ref) : NOTHING;
        if (value === NOTHING) this.failures.delete(task); // nothing to load is no failure
        return value;
      },
      args: () => [this.stamp, ...(this.sel ? depends(this.sel) : [])],
      onComplete: (value) => {
        this.failures.delete(task);
        load.value = value;
        load.loadedAt = this.updatedAt = new Date();
      },
      onError: (err) => {
        this.failures.set(task, errorText(err));
      },
    });
    const load = new PageLoad(task);
    return load;
  }

  /** Loads the reference data again, then every load. */
  reload(): void {
    this.generation++;
    this.host.requestUpdate();
  }

  /** Why the page's data could not load ('' when it did). */
  get error(): string {
    return this.failures.values().next().value ?? '';
  }

  /** The URL of the page with the selection changed by `patch`. */
  href(patch: Partial<Sel> = {}): string {
    const now = new URLSearchParams(location.search);
    const kept = Object.fromEntries(KEPT.filter((k) => now.get(k)).map((k) => [k, now.get(k)!]));
    return `?${new URLSearchParams({ view: this.opts.view, ...kept, ...this.sel, ...patch } as Record<string, string>)}`;
  }

  /** Changes the selection, as a new entry of the browser's history. */
  select(patch: Partial<Sel>): void {
    if (!this.sel) return;
    this.sel = { ...this.sel, ...patch };
    history.pushState(null, '', this.href());
    window.dispatchEvent(new Event(URL_CHANGED));
    this.host.requestUpdate();
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
    this.offLive = onLiveChange(() => this.reload());
    if (this.opts.every) this.timer = setInterval(() => this.reload(), this.opts.every);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
    this.offLive?.();
    clearInterval(this.timer);
  }
}
