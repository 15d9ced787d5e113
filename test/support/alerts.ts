// The alert monitor run once over a test database: the rules stored, then evaluated.
import { AlertMonitor } from '../../alerts/monitor.js';
import { parseAlertConfig } from '../../alerts/rules.js';
import type { Database } from '../../warehouse/database.js';

/** Fires for an upload still missing 5 days after its deadline (the fixtures' 历下区 February upload). */
export const OVERDUE_5D = { id: 'upload_overdue_5d', kind: 'upload_overdue', days: 5, label: '数据上报逾期超过5天' };

export async function evaluateAlerts(db: Database, rules: unknown[] = [OVERDUE_5D]): Promise<void> {
  const monitor = new AlertMonitor(db, parseAlertConfig({ rules }));
  await monitor.install();
  await monitor.evaluate();
  monitor.close();
}
