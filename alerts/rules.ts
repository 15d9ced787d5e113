// The `alerts` section of the config: threshold rules and the webhook. Validated at start;
// a bad rule stops start-up with a message naming it (alerts.rules[i] and its id).
import { ConfigError } from '../core/config.js';

export const RULE_KINDS = ['below', 'above', 'drop', 'upload_overdue'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
const LEVELS = ['province', 'city', 'county'] as const;

export interface AlertRule {
  id: string;
  kind: RuleKind;
  /** dim_metric code; null for upload_overdue. */
  metric: string | null;
  /** value (below/above), points in the metric's unit (drop) or days (upload_overdue). */
  threshold: number;
  levels: string[];
  minDenominator: number;
  label: string;
}

export interface WebhookConfig {
  url: string | null;
  timeoutMs: number;
  maxAttempts: number;
  retryDelayMs: number;
}

export interface AlertConfig {
  lookbackMonths: number;
  webhook: WebhookConfig;
  rules: AlertRule[];
}

export const DEFAULT_ALERTS: AlertConfig = {
  lookbackMonths: 2,
  webhook: { url: null, timeoutMs: 5000, maxAttempts: 5, retryDelayMs: 2000 },
  rules: [],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(obj: Record<string, unknown>, key: string, where: string, fallback?: number, min = 0): number {
  const v = obj[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new ConfigError(`${where}.${key} must be a number ≥ ${min}, got ${JSON.stringify(obj[key])}`);
  return v;
}

function int(obj: Record<string, unknown>, key: string, where: string, fallback: number, min: number): number {
  const v = num(obj, key, where, fallback, min);
  if (!Number.isInteger(v)) throw new ConfigError(`${where}.${key} must be an integer ≥ ${min}, got ${JSON.stringify(obj[key])}`);
  return v;
}

function parseRule(raw: unknown, i: number, seen: Set<string>): AlertRule {
  let where = `alerts.rules[${i}]`;
  if (!isObject(raw)) throw new ConfigError(`${where} must be an object {id, kind, …}`);
  const id = raw.id;
  if (typeof id !== 'string' || !/^[a-z0-9_]+$/.test(id)) throw new ConfigError(`${where}.id must be a snake_case name, got ${JSON.stringify(id)}`);
  where = `${where} (${id})`;
  if (seen.has(id)) throw new ConfigError(`${where}: duplicate rule id`);
  seen.add(id);
  const kind = raw.kind as RuleKind;
  if (!RULE_KINDS.includes(kind)) throw new ConfigError(`${where}.kind must be one of ${RULE_KINDS.join(', ')}, got ${JSON.stringify(raw.kind)}`);
  const metric = kind === 'upload_overdue' ? null : raw.metric;
  if (metric !== null && (typeof metric !== 'string' || metric === '')) throw new ConfigError(`${where}.metric must name a metric for kind '${kind}', got ${JSON.stringify(raw.metric)}`);
  const thresholdKey = kind === 'upload_overdue' ? 'days' : kind === 'drop' ? 'points' : 'threshold';
  const threshold = num(raw, thresholdKey, where, undefined, kind === 'below' || kind === 'above' ? -Infinity : 0);
  const levels = raw.levels ?? (kind === 'upload_overdue' ? ['county'] : ['city', 'county']);
  if (!Array.isArray(levels) || levels.length === 0 || levels.some((l) => !LEVELS.includes(l))) {
    throw new ConfigError(`${where}.levels must be a non-empty list of ${LEVELS.join(', ')}, got ${JSON.stringify(raw.levels)}`);
  }
  const label = raw.label;
  if (typeof label !== 'string' || label === '') throw new ConfigError(`${where}.label must be a non-empty Chinese name for the dashboard, got ${JSON.stringify(label)}`);
  return { id, kind, metric, threshold, levels, minDenominator: num(raw, 'minDenominator', where, 0), label };
}

/** Parses the `alerts` section; absent means no rules and no webhook. */
export function parseAlertConfig(raw: unknown): AlertConfig {
  if (raw === undefined) return DEFAULT_ALERTS;
  if (!isObject(raw)) throw new ConfigError('alerts must be an object {lookbackMonths, webhook, rules}');
  const hook = raw.webhook ?? {};
  if (!isObject(hook)) throw new ConfigError('alerts.webhook must be an object {url, timeoutMs, maxAttempts, retryDelayMs}');
  const url = hook.url ?? null;
  if (url !== null) {
    let ok = typeof url === 'string';
    try {
      ok &&= ['http:', 'https:'].includes(new URL(url as string).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`alerts.webhook.url must be an http(s) URL or null, got ${JSON.stringify(url)}`);
  }
  const d = DEFAULT_ALERTS.webhook;
  const webhook: WebhookConfig = {
    url: url as string | null,
    timeoutMs: int(hook, 'timeoutMs', 'alerts.webhook', d.timeoutMs, 100),
    maxAttempts: int(hook, 'maxAttempts', 'alerts.webhook', d.maxAttempts, 1),
    retryDelayMs: int(hook, 'retryDelayMs', 'alerts.webhook', d.retryDelayMs, 0),
  };
  const rules = raw.rules ?? [];
  if (!Array.isArray(rules)) throw new ConfigError('alerts.rules must be a list of rules');
  const seen = new Set<string>();
  return {
    lookbackMonths: int(raw, 'lookbackMonths', 'alerts', DEFAULT_ALERTS.lookbackMonths, 1),
    webhook,
    rules: rules.map((r, i) => parseRule(r, i, seen)),
  };
}
