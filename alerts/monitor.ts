// Orchestrates alerts: writes the configured rules into cfg_alert_rule, and after each
// collector refresh lets SQL decide what fires (alert_firing in sql/model/alert_firing.sql) and
// store it (alerts/apply.sql); then hands new alerts to the webhook.
// Emits 'alerts-changed' with the number of open alerts.
import { EventEmitter } from 'node:events';
import { ConfigError } from '../core/config.js';
import type { Database } from '../warehouse/database.js';
import { runScript, sqlText } from '../warehouse/pipeline.js';
import { coalesce } from '../core/coalesce.js';
import type { AlertConfig } from './rules.js';
import { WebhookNotifier } from './webhook.js';

const APPLY = new URL('./apply.sql', import.meta.url).pathname;

export class AlertMonitor extends EventEmitter {
  readonly webhook: WebhookNotifier;
  /** Evaluates the rules now; overlapping calls coalesce into one more pass. Returns open alerts. */
  readonly evaluate = coalesce(() => this.evaluateOnce());

  constructor(
    private readonly db: Database,
    private readonly config: AlertConfig,
    log?: (message: string) => void,
  ) {
    super();
    this.webhook = new WebhookNotifier(db, config.webhook, log);
  }

  /** Checks the rules' metrics against dim_metric and stores the rules. */
  async install(): Promise<void> {
    const metrics = new Set((await this.db.rows<{ code: string }>('SELECT code FROM dim_metric')).map((r) => r.code));
    this.config.rules.forEach((rule, i) => {
      if (rule.metric !== null && !metrics.has(rule.metric)) {
        throw new ConfigError(`alerts.rules[${i}] (${rule.id}).metric: unknown metric '${rule.metric}' (known: ${[...metrics].sort().join(', ')})`);
      }
    });
    await this.db.transaction(async (c) => {
      await c.run('DELETE FROM cfg_alert_rule');
      for (const r of this.config.rules) {
        await c.run("INSERT INTO cfg_alert_rule VALUES ($id, $kind, $metric, $threshold, string_split($levels, ','), $min, $label)", {
          id: r.id,
          kind: r.kind,
          metric: r.metric,
          threshold: r.threshold,
          levels: r.levels.join(','),
          min: r.minDenominator,
          label: r.label,
        });
      }
    });
  }

  /** Re-evaluates whenever the source reports new data. */
  attach(source: EventEmitter): void {
    source.on('data-changed', () => void this.evaluate().catch((err) => console.error(`[alerts] evaluation failed: ${(err as Error).message}`)));
  }

  close(): void {
    this.webhook.close();
  }

  private async evaluateOnce(): Promise<number> {
    const lookback = this.config.lookbackMonths;
    await this.db.transaction(async (c) => {
      await c.run('CREATE OR REPLACE TEMP TABLE alert_now AS SELECT * FROM alert_firing($lookback)', { lookback });
      await c.run('CREATE OR REPLACE TEMP TABLE alert_window AS SELECT * FROM alert_months($lookback)', { lookback });
      await runScript(c, sqlText(APPLY));
    });
    await this.db.renew('v_alert'); // the dashboards' cached alert lists, before anyone is told
    const [{ open }] = await this.db.rows<{ open: number }>('SELECT count(*) AS open FROM ops_alert WHERE resolved_at IS NULL');
    this.emit('alerts-changed', { open });
    void this.webhook.flush();
    return open;
  }
}
