// Hand-made records for two counties of 济南市 (370100), whose indicators are computed by
// hand in the tests that use them.
// 370102 (历下区): four registration cases accepted Mon 2025-03-03, due 03-10; three done on
// 03-04, one on 03-14 (late) → 限时办结率 3/4 = 75 %. The late one, A4, was withdrawn by the
// applicant (撤回; the others are sent without an outcome: 办结) → 业务办结率 3/4 = 75 %, while
// 限时办结率 still counts it as ended. Its February upload never arrives.
// 370103 (市中区): February 2 cases, both online (100 %); March 2 cases, one online (50 %).
const c = (id: string, region: string, accepted: string, completed: string, channel = 'web', outcome?: string) => ({
  id,
  updated_at: `${completed}T12:00:00+08:00`,
  case_id: id,
  region_code: region,
  item: 'reg_enroll',
  channel,
  accepted_at: `${accepted}T09:00:00+08:00`,
  completed_at: `${completed}T10:00:00+08:00`,
  limit_days: 5,
  ...(outcome ? { outcome } : {}),
});
export const cases = [
  c('A1', '370102', '2025-03-03', '2025-03-04'),
  c('A2', '370102', '2025-03-03', '2025-03-04'),
  c('A3', '370102', '2025-03-03', '2025-03-04'),
  c('A4', '370102', '2025-03-03', '2025-03-14', 'web', 'withdrawn'),
  c('B1', '370103', '2025-02-10', '2025-02-11'),
  c('B2', '370103', '2025-02-10', '2025-02-11'),
  c('B3', '370103', '2025-03-03', '2025-03-04'),
  c('B4', '370103', '2025-03-03', '2025-03-04', 'window'),
];
export const upload = (uploaded_at: string | null, updated_at = '2025-03-01T10:00:00+08:00') => ({
  id: '370102|insured',
  updated_at,
  region_code: '370102',
  dataset: 'insured',
  period: '2025-02',
  due_at: '2025-03-10T17:00:00+08:00',
  uploaded_at,
  row_count: uploaded_at ? 10 : null,
});
