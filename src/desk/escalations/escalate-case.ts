import type { Db } from '../../db/open-database.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { openEscalation, type OpenEscalationInput } from './open-escalation.ts';

/** An escalation asked for on its own (an agent, the portal's button), in a transaction of its own. */
export async function escalateCase(ctx: DeskContext, input: OpenEscalationInput) {
  return ctx.db.transaction((tx) => openEscalation({ ...ctx, db: tx as unknown as Db }, input));
}
