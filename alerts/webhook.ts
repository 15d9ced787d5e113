// Delivers open alerts to the configured webhook as one JSON POST per batch. Delivery
// state lives in ops_alert, so undelivered alerts survive a restart. A failing webhook
// is logged and retried with growing delays up to maxAttempts; it never throws, so
// collection and evaluation never wait for it.
import type { Database } from '../warehouse/database.js';
import { backoffDelay } from '../core/backoff.js';
import { coalesce } from '../core/coalesce.js';
import type { WebhookConfig } from './rules.js';

export interface AlertPayload {
  alert_id: number;
  rule_id: string;
  rule_label: string;
  region_code: string;
  region_name: string;
  period: string;
  value: number | null;
  threshold: number;
  message: string;
  first_fired_at: string;
}

export class WebhookNotifier {
  private timer: NodeJS.Timeout | null = null;
  /** Sends what is pending; overlapping calls coalesce into one more pass. */
  readonly flush = coalesce(async () => {
    if (!this.config.url) return;
    await this.send().catch((err) => this.log(`[alerts] webhook delivery failed: ${(err as Error).message}`));
  });

  constructor(
    private readonly db: Database,
    private readonly config: WebhookConfig,
    private readonly log: (message: string) => void = (m) => console.warn(m),
  ) {}

  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private async send(): Promise<void> {
    const pending = await this.db.rows<AlertPayload & { notify_attempts: number }>(
      `SELECT alert_id, rule_id, rule_label, region_code, region_name, period, value, threshold, message,
              CAST(first_fired_at AS VARCHAR) AS first_fired_at, notify_attempts
       FROM v_alert WHERE open AND notified_at IS NULL AND notify_attempts < $max ORDER BY alert_id`,
      { max: this.config.maxAttempts },
    );
    if (pending.length === 0) return;
    const ids = pending.map((a) => a.alert_id);
    const alerts = pending.map(({ notify_attempts: _attempts, ...a }) => a);
    let error: string | null = null;
    try {
      const res = await fetch(this.config.url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'si-perf', alerts }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    if (error === null) {
      await this.db.exec(
        `UPDATE ops_alert SET notified_at = now()::TIMESTAMP, notify_error = NULL WHERE list_contains(CAST(string_split($ids, ',') AS BIGINT[]), alert_id)`,
        { ids: ids.join(',') },
      );
      await this.db.renew('v_alert');
      return;
    }
    await this.db.exec(
      `UPDATE ops_alert SET notify_attempts = notify_attempts + 1, notify_error = $error WHERE list_contains(CAST(string_split($ids, ',') AS BIGINT[]), alert_id)`,
      { error, ids: ids.join(',') },
    );
    await this.db.renew('v_alert');
    const attempt = Math.max(...pending.map((a) => a.notify_attempts)) + 1;
    if (attempt >= this.config.maxAttempts) {
      this.log(`[alerts] webhook ${this.config.url} failed (${error}); gave up on ${ids.length} alert(s) after ${attempt} attempts`);
      return;
    }
    const delay = backoffDelay(attempt, this.config.retryDelayMs);
    this.log(
      `[alerts] webhook ${this.config.url} failed (${error}); attempt ${attempt} of ${this.config.maxAttempts}, retrying ${ids.length} alert(s) in ${delay} ms`,
    );
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
    this.timer.unref();
  }
}
