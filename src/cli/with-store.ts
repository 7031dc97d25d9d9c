import { readConfig } from '../config/kept-config.ts';
import { openStore, type Store } from '../db/open-database.ts';

/** Opens the configured store for one CLI command and always closes it (PGlite holds a lock). */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
