import { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import type { Store } from '../db/open-database.ts';
import { customers } from '../db/schema.ts';
import { importTransactions, refreshScores } from '../retention/index.ts';
import { DAY } from './demo-desk.ts';
import { DemoRandom } from './demo-random.ts';

// The demo company's shop: two years of orders from its customers, so every retention screen
// (repeat, loyal, cohorts, Pareto, CLV, at risk) starts full. It goes in through the real import
// (the CSV format a shop exports) and the real scoring, like a purchase file an admin uploads.

const HISTORY_DAYS = 730;
const FIRST_ORDER_NUMBER = 40_000;
const PRODUCTS = [
  ['Soundbar S2', 179],
  ['Smart TV 55 inch', 649],
  ['Wireless headphones H7', 129],
  ['Robot vacuum R3', 299],
  ['Coffee machine Barista', 239],
  ['Tablet Tab 10', 329],
  ['Smart speaker Mini', 49],
  ['Phone charger 65W', 29],
  ['Air purifier P5', 189],
  ['Extended warranty 2 years', 59],
] as const;

/** How a customer buys: most once or now and then, a loyal few often; anyone may stop for good. */
const BUYERS = [
  ['once', 34, 0, 0],
  ['now_and_then', 44, 70, 200],
  ['loyal', 22, 18, 60],
] as const;

export interface DemoBuyer {
  email: string;
  /** When the customer first wrote to the desk: most had bought before. */
  firstContact: Date;
}

export interface DemoPurchase {
  email: string;
  date: string;
  amount: string;
  orderId: string;
  product: string;
  channel: 'web' | 'store';
}

/** Everyone's orders, decided from the seed alone: the same company every time, oldest first. */
export function planDemoPurchases(
  buyers: readonly DemoBuyer[],
  seed: number,
  end: Date,
  prospects: ReadonlySet<string> = new Set(),
): DemoPurchase[] {
  const start = end.getTime() - HISTORY_DAYS * DAY;
  const planned: Array<Omit<DemoPurchase, 'orderId'> & { at: number }> = [];
  for (const buyer of buyers) {
    const r = DemoRandom.derive(seed, `purchases-${buyer.email}`);
    const contact = buyer.firstContact.getTime();
    // Most customers write after buying; a few ask before their first order (and some never buy).
    if (r.chance(0.08) || prospects.has(buyer.email)) continue;
    const boughtFirst = r.chance(0.85);
    const latestFirst = boughtFirst ? Math.max(start + DAY, contact - 2 * DAY) : end.getTime() - DAY;
    const earliestFirst = boughtFirst ? start : Math.min(contact, latestFirst - DAY);
    let at = r.between(earliestFirst, latestFirst);
    const [, , gapMin, gapMax] = r.weighted(BUYERS.map((b) => [b, b[1]] as const));
    const stopChance = r.between(0.04, 0.25);
    const spend = r.between(0.6, 1.6);
    const channel = r.chance(0.7) ? 'web' : 'store';
    for (;;) {
      const [product, price] = r.pick(PRODUCTS);
      planned.push({
        email: buyer.email,
        at,
        date: new Date(at).toISOString(),
        amount: (price * spend * r.between(0.9, 1.1)).toFixed(2),
        product,
        channel,
      });
      if (gapMax === 0 || r.chance(stopChance)) break;
      at += r.between(gapMin, gapMax) * DAY;
      if (at >= end.getTime()) break;
    }
  }
  planned.sort((a, b) => a.at - b.at || a.email.localeCompare(b.email));
  return planned.map(({ at: _at, ...p }, k) => ({ ...p, orderId: String(FIRST_ORDER_NUMBER + k) }));
}

export function purchasesCsv(purchases: readonly DemoPurchase[]): string {
  const lines = purchases.map((p) => [p.email, p.date, p.amount, p.orderId, p.product, p.channel].join(','));
  return ['email,date,amount,order_id,product,channel', ...lines].join('\n') + '\n';
}

/** Imports the demo's orders and scores its customers; says what it did in one line. */
export async function importDemoPurchases(
  store: Store,
  workspaceId: string,
  seed: number,
  end: Date,
  prospects: ReadonlySet<string> = new Set(),
): Promise<string> {
  const rows = await store.db
    .select({ email: customers.email, createdAt: customers.createdAt })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .orderBy(asc(customers.createdAt), asc(customers.email));
  const buyers = rows.flatMap((c) => (c.email ? [{ email: c.email, firstContact: c.createdAt }] : []));
  const purchases = planDemoPurchases(buyers, seed, end, prospects);
  const report = await importTransactions(store.db, {
    workspaceId,
    format: 'csv',
    source: 'meridian-shop-orders.csv',
    input: Readable.from([purchasesCsv(purchases)]),
    now: end,
  });
  if (report.status !== 'done') throw new Error(`the demo's purchases did not import: ${JSON.stringify(report)}`);
  const fit = await refreshScores(store.db, workspaceId, end);
  return `Purchases: ${report.imported} orders from ${new Set(purchases.map((p) => p.email)).size} customers over ${HISTORY_DAYS / 365} years (order numbers ${FIRST_ORDER_NUMBER}–${FIRST_ORDER_NUMBER + purchases.length - 1}); CLV and churn risk scored for ${fit.customers}`;
}
