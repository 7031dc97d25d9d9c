import type { Db } from '../../../db/open-database.ts';
import type { WorkspaceRow } from '../../../workspaces/index.ts';
import { loadCalendar, loadDurationSamples, teamOfUser } from './capability-store.ts';
import {
  checkAgainstQuote,
  computeQuote,
  DEFAULT_QUOTE_PERCENTILE,
  type OverPromiseCheck,
  type Quote,
} from './quote-rules.ts';
import type { BusinessCalendar } from './business-time.ts';

export interface QuoteTarget {
  kind: string;
  channel: string;
  language: string | null;
  priority: string;
  category: string | null;
  ownerId: string | null;
}

/** The capability quote for a piece of work on a case (null when the history is too thin). */
export async function quoteFor(
  db: Db,
  workspace: WorkspaceRow,
  target: QuoteTarget,
  now: Date,
): Promise<{ quote: Quote | null; calendar: BusinessCalendar | null }> {
  const teamId = await teamOfUser(db, target.ownerId);
  const [samples, calendar] = await Promise.all([
    loadDurationSamples(db, workspace.id, target.kind, now),
    loadCalendar(db, workspace.id, teamId),
  ]);
  const quote = computeQuote({
    kind: target.kind,
    target: {
      channel: target.channel,
      language: target.language,
      priority: target.priority,
      teamId,
      category: target.category,
    },
    samples,
    percentile: workspace.settings.quotePercentile ?? DEFAULT_QUOTE_PERCENTILE,
    now,
    calendar,
    timeZone: workspace.timeZone,
  });
  return { quote, calendar };
}

/** A promise about to be made, weighed against the quote. */
export async function weighPromise(
  db: Db,
  workspace: WorkspaceRow,
  target: QuoteTarget,
  dueAt: Date,
  now: Date,
): Promise<{ quote: Quote | null; check: OverPromiseCheck }> {
  const { quote, calendar } = await quoteFor(db, workspace, target, now);
  return { quote, check: checkAgainstQuote(dueAt, now, quote, calendar) };
}

export function presentQuote(quote: Quote | null) {
  if (!quote) return null;
  return {
    kind: quote.kind,
    percentile: quote.percentile,
    minutes: quote.minutes,
    businessHours: quote.businessHours,
    sampleSize: quote.sampleSize,
    group: quote.group,
    exactDueAt: quote.exactDueAt.toISOString(),
    dueAt: quote.dueAt.toISOString(),
    rounding: quote.rounding,
  };
}
