// Period names as the API and the dashboard write them: months 'YYYY-MM', quarters
// 'YYYY-Qn', years 'YYYY'. Plain string arithmetic, no time zone involved.

/** The month n months after a YYYY-MM month (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
