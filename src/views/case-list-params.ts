// The query strings of the case and customer lists (issue 16): lists of words are comma-separated
// (`status=new,open`), flags are `true`/`false`, and a bad value is a 400 naming its field.
import { z } from 'zod';
import { CASE_LIST_SORTS, CASE_PRIORITIES, CASE_STATUSES, CHANNELS } from '../kernel/domain-words.ts';
import { CASE_VIEWS } from './list-cases.ts';
import { TEXT_BOUNDS } from '../language/index.ts';

const listOf = <T extends readonly [string, ...string[]]>(words: T) =>
  z
    .string()
    .max(500)
    .transform((text) => text.split(',').filter((word) => word !== ''))
    .pipe(z.array(z.enum(words)).max(words.length * 2));

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const caseListQuery = z.strictObject({
  view: z.enum(CASE_VIEWS).default('open'),
  q: z.string().max(TEXT_BOUNDS.searchQuery).optional().meta({ example: 'K-1042' }),
  status: listOf(CASE_STATUSES).optional().meta({ example: 'new,open' }),
  channel: listOf(CHANNELS).optional().meta({ example: 'email' }),
  priority: listOf(CASE_PRIORITIES).optional().meta({ example: 'normal' }),
  language: z
    .string()
    .max(100)
    .transform((text) => text.split(',').filter((word) => word !== ''))
    .pipe(z.array(z.string().regex(/^[a-z]{2,3}$/, 'must be language codes such as en,ar')).max(20))
    .optional()
    .meta({ example: 'en' }),
  ownerId: z.union([z.uuid({ message: 'must be an id (UUID) or none' }), z.literal('none')]).optional(),
  teamId: z.uuid({ message: 'must be an id (UUID)' }).optional(),
  tag: z.string().trim().min(1).max(60).optional().meta({ example: 'refund' }),
  flagged: flag.optional(),
  escalated: flag.optional(),
  promiseDue: flag.optional(),
  sort: z.enum(CASE_LIST_SORTS).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const customerListQuery = z.strictObject({
  q: z.string().max(TEXT_BOUNDS.searchQuery).default(''),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The query without the keys it did not carry (the views' inputs are exact optional properties). */
export function dropUndefined<T extends object>(query: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
