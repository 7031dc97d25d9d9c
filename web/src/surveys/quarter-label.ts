import type { TFunction } from 'i18next';

const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * A quarter key (`2026-Q4`, as the API names it) as words of the interface: "Q4 2026",
 * "الربع 4 من 2026". The raw key in an Arabic or Hebrew line is reordered by the bidi algorithm
 * into "Q4-2026", so the key is never shown; anything else is shown as it came.
 */
export function quarterLabel(t: TFunction, period: string): string {
  const match = QUARTER.exec(period);
  if (!match) return period;
  return t('surveys.perception.quarterLabel', { year: match[1], quarter: match[2] });
}
