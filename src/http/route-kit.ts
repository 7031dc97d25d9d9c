import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { KeptConfig } from '../config/kept-config.ts';
import type { Store } from '../db/open-database.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import type { LiveHub } from '../live/index.ts';

/** What every route module gets: the typed app, the desk context, and the config. */
export interface RouteDeps {
  app: FastifyInstance;
  ctx: DeskContext;
  store: Store;
  config: KeptConfig;
  jobsHealthy(): boolean;
  /** This instance's link to the store's notifications and the presence board (issue 16). */
  live: LiveHub;
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const idParam = z.strictObject({ id: z.uuid({ message: 'must be an id (UUID)' }) });
// Names and messages: real text, bounded so one request cannot fill the store.
export const shortText = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);
export const longText = (max = 20_000) => z.string().trim().min(1, 'must not be empty').max(max);
export const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'must be a language code such as en, ar, he or ru')
  .meta({ example: 'en' });
