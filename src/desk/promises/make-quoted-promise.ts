import { requireUser } from '../../accounts/index.ts';
import type { PromiseKind } from '../../contract/api-types.ts';
import type { QuoteView } from '../../contract/promise-api-types.ts';
import type { Db } from '../../db/open-database.ts';
import { KeptError } from '../../errors/kept-error.ts';
import type { Channel } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { presentQuote, weighPromise } from './capability/quote-for-case.ts';
import { assertDueInFuture } from './promise-rules.ts';
import { makePromise } from './make-promise.ts';

/** 422: a promise faster than the team delivers, not confirmed. The body carries the numbers. */
export class OverPromiseError extends KeptError {
  constructor(
    readonly warning: string,
    readonly quote: QuoteView,
    readonly promisedMinutes: number,
  ) {
    super(
      'promise.over_promise',
      `This promises more than the team delivers (${warning}). Send "confirmOverPromise": true to promise it anyway.`,
      {
        field: 'confirmOverPromise',
      },
    );
  }

  override toJSON() {
    return { ...super.toJSON(), warning: this.warning, quote: this.quote, promisedMinutes: this.promisedMinutes };
  }
}

export interface QuotedPromiseInput {
  workspaceId: string;
  caseRow: {
    id: string;
    customerId: string;
    ownerId: string | null;
    channel: string;
    language: string | null;
    priority: string;
    category: string | null;
  };
  ownerId: string;
  kind: PromiseKind;
  channel: Channel;
  description: string;
  dueAt: Date;
  actorUserId: string;
  confirmOverPromise: boolean;
  phrase?: string;
}

/**
 * K4: a promise is weighed against measured capability before it is made. Faster than the
 * quote needs an explicit confirmation, which is recorded on the promise and in its event.
 */
export async function makeQuotedPromise(ctx: DeskContext, input: QuotedPromiseInput) {
  const now = ctx.now();
  assertDueInFuture(input.dueAt, now);
  // Before the quote: weighing reads the owner's team, which must be this workspace's.
  await requireUser(ctx.db, input.workspaceId, input.ownerId, 'ownerId', 'The promise’s owner');
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const { quote, check } = await weighPromise(
    ctx.db,
    workspace,
    {
      kind: input.kind,
      channel: input.channel,
      language: input.caseRow.language,
      priority: input.caseRow.priority,
      category: input.caseRow.category,
      ownerId: input.ownerId,
    },
    input.dueAt,
    now,
  );
  if (check.overPromise && !input.confirmOverPromise)
    throw new OverPromiseError(check.warning!, presentQuote(quote)!, check.promisedMinutes);
  const promise = await ctx.db.transaction((tx) =>
    makePromise(
      { ...ctx, db: tx as unknown as Db },
      {
        workspaceId: input.workspaceId,
        caseId: input.caseRow.id,
        customerId: input.caseRow.customerId,
        ownerId: input.ownerId,
        kind: input.kind,
        channel: input.channel,
        description: input.description,
        dueAt: input.dueAt,
        actorUserId: input.actorUserId,
        reminderMinutes: workspace.settings.promiseReminderMinutes,
        quote: quote
          ? { dueAt: quote.dueAt, minutes: quote.minutes, percentile: quote.percentile, sampleSize: quote.sampleSize }
          : null,
        overPromiseConfirmed: check.overPromise,
        ...(input.phrase ? { phrase: input.phrase } : {}),
      },
    ),
  );
  return { promise, warning: check.warning, quote: presentQuote(quote) };
}
