import type { Store } from '../db/open-database.ts';

export async function seedDemoCompany(_store: Store, _options: { customers: number; password: string; now: Date }): Promise<string> {
  throw new Error('not yet');
}
