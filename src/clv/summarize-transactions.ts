// Purchase rows → one (x, t_x, T, monetary) row per customer, the input of every
// buy-till-you-die model. Definitions (the `kept clv summarize` contract):
//   x         number of distinct purchase days after the first purchase day
//   t_x       time from the first to the last purchase day
//   T         time from the first purchase day to the end date
//   monetary  mean amount of the repeat purchase days (0 when x = 0); amounts on the same
//             day are summed first, so a day is one transaction
// Purchases after the end date are ignored; customers with none before it are left out.
// Working on whole days makes the output independent of row order and duplicates merge
// into their day, as they would in an order log.
import type { Transaction } from './read-transactions-csv.ts';

export type TimeUnit = 'days' | 'weeks';

export interface CustomerSummary {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  monetary: number;
}

export interface SummarizeOptions {
  /** end of the observation period, as a day number (see dates.ts); inclusive */
  end: number;
  unit?: TimeUnit;
}

const collator = new Intl.Collator('en', { numeric: true });

export function summarizeTransactions(
  transactions: Iterable<Transaction>,
  options: SummarizeOptions,
): CustomerSummary[] {
  const perUnit = (options.unit ?? 'days') === 'weeks' ? 7 : 1;
  // Flat [day, amount, day, amount, …] per customer: far lighter than a Map per customer.
  const byCustomer = new Map<string, number[]>();
  for (const t of transactions) {
    if (t.day > options.end) continue;
    let list = byCustomer.get(t.customerId);
    if (!list) {
      list = [];
      byCustomer.set(t.customerId, list);
    }
    list.push(t.day, t.amount);
  }
  const out: CustomerSummary[] = [];
  for (const [customerId, list] of byCustomer) {
    const m = list.length / 2;
    const order = Array.from({ length: m }, (_, i) => i).sort(
      (a, b) => (list[2 * a] as number) - (list[2 * b] as number),
    );
    const firstDay = list[2 * (order[0] as number)] as number;
    let lastDay = firstDay;
    let x = 0;
    let repeatTotal = 0;
    for (const k of order) {
      const day = list[2 * k] as number;
      const amount = list[2 * k + 1] as number;
      if (day === firstDay) continue;
      if (day !== lastDay) {
        x++;
        lastDay = day;
      }
      repeatTotal += amount;
    }
    out.push({
      customerId,
      x,
      tx: (lastDay - firstDay) / perUnit,
      T: (options.end - firstDay) / perUnit,
      monetary: x > 0 ? repeatTotal / x : 0,
    });
  }
  out.sort((a, b) => collator.compare(a.customerId, b.customerId));
  return out;
}
