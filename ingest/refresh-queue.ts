// The refresh that ends collector runs, shared by runs that overlap. A month's data lands
// through several feeds at once (cases, reports, uploads; at start-up every collector catches
// up side by side), and a refresh per run recomputes the same periods again and again, one
// after another: three of about 1.5–1.8 s for a month at 10^6–10^7 cases. So a run that ends
// while others still write leaves its refresh to the last of them, and the month is current
// after one. It waits at most `maxWaitMs`: a long backfill beside it does not hold its data
// back. Runs ending while a refresh runs are covered by one more refresh after it, since the
// one running may have read the marts' inputs before their data landed (core/coalesce.ts).
import { coalesce } from '../core/coalesce.js';

/** Coalesces the refreshes asked for by runs (`R`: what the refresh is told of each). */
export class RefreshQueue<R> {
  private waiting: { run: R; covered: () => void; failed: (err: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** drain() never overlapping itself; asked while it runs, it runs once more after. */
  private readonly drainOnce = coalesce(() => this.drain());

  /** `refresh` brings the marts up to date for the runs given; should it throw, the runs it covered are told (their `settle` rejects). */
  constructor(
    private readonly refresh: (runs: R[]) => Promise<void>,
    private readonly maxWaitMs: number,
  ) {}

  /** Called as a run ends: `run` when its data needs a refresh (null when it wrote nothing),
   * `writing` whether other runs still write. Resolves once a refresh has covered `run`. */
  settle(run: R | null, writing: boolean): Promise<void> {
    const covered = run ? new Promise<void>((covered, failed) => this.waiting.push({ run, covered, failed })) : Promise.resolve();
    if (this.waiting.length > 0) {
      if (!writing) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    }
    return covered;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drainOnce();
  }

  /** One refresh for every run waiting when it starts; never rejects: its failure goes to those runs. */
  private async drain(): Promise<void> {
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    try {
      await this.refresh(batch.map((w) => w.run));
      for (const w of batch) w.covered();
    } catch (err) {
      for (const w of batch) w.failed(err);
    }
  }
}
