import { describe, expect, it } from 'vitest';
import { formatMoney, moneyEdge } from './format-money.ts';

describe('money in the interface language', () => {
  it('shows the currency with the amount in each language', () => {
    expect(formatMoney('en', 1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney('ru', 1234.5, 'RUB')).toMatch(/^1\s234,50\s₽$/u);
    expect(formatMoney('he', 10, 'ILS')).toContain('₪');
    expect(formatMoney('ar', 10, 'SAR')).toMatch(/ر\.س|SAR/u);
    expect(formatMoney('en', null, 'USD')).toBe('—');
    // Latin letters of a currency sign keep their order inside right-to-left text.
    expect(formatMoney('ar', 5, 'USD')).toContain('\u2066US$\u2069');
  });

  it('keeps whole edges without cents', () => {
    expect(moneyEdge('en', 50, 'EUR')).toBe('€50');
    expect(moneyEdge('en', 12.5, 'EUR')).toBe('€12.50');
  });
});
