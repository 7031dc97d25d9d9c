/** An amount in the shop's currency, in the interface's language ("$1,234.50", "١٬٢٣٤٫٥٠ US$", "1 234,50 $"). */
export function formatMoney(language: string, value: number | null | undefined, currency: string, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  try {
    const parts = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).formatToParts(value);
    // "US$" in an Arabic sentence would show as "$US": a Latin currency sign is isolated left-to-right.
    return parts
      .map((p) => (p.type === 'currency' && /[A-Za-z]/.test(p.value) ? `\u2066${p.value}\u2069` : p.value))
      .join('');
  } catch {
    // A code this browser does not know: the number and the code, never a bare number.
    return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${currency}`;
  }
}

/** Round histogram edges as money without cents when they are whole ("≤ $50"). */
export function moneyEdge(language: string, value: number, currency: string): string {
  return formatMoney(language, value, currency, Number.isInteger(value) ? 0 : 2);
}
