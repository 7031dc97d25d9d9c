// A purchase CSV for the import benches, written as a stream: customers buy every ~36 days
// over two years; one customer per 10 rows; every row has an order id.
import fs from 'node:fs';

export async function writePurchaseCsv(file: string, rows: number): Promise<void> {
  const customers = Math.max(1, Math.floor(rows / 10));
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write('customer_id,date,amount,order_id,channel\n');
  const base = Date.UTC(2023, 0, 1) / 86_400_000;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const c = i % customers;
    const k = Math.floor(i / customers);
    const day = base + ((c * 7) % 365) + k * 36;
    const amount = ((c * 31 + k * 17) % 9000) / 100 + 5;
    chunk += `c${c},${new Date(day * 86_400_000).toISOString().slice(0, 10)},${amount},o${i},${c % 3 === 0 ? 'store' : 'web'}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once('finish', () => r()));
}
