// Retention counts calendar days and months in UTC: a purchase's day is the date of its
// instant in UTC, the same grid `kept clv summarize` uses for files.

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2024-03" → months since year 0, for month arithmetic without Date. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` inclusive, as YYYY-MM. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}
