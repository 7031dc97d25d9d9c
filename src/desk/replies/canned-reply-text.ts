// The placeholders a canned reply may hold, filled in for one case when the agent inserts it.
// One pass of one regular expression over a text of at most MAX_CANNED_REPLY_LENGTH
// characters: linear in its size whatever it holds.

export const CANNED_REPLY_PLACEHOLDERS = ['customer_name', 'case_reference', 'quoted_time', 'agent_name'] as const;
export type CannedReplyPlaceholder = (typeof CANNED_REPLY_PLACEHOLDERS)[number];
export const MAX_CANNED_REPLY_LENGTH = 5_000;

const PLACEHOLDER = /\{\{\s*([a-z_]{1,40})\s*\}\}/g;

function isPlaceholder(name: string): name is CannedReplyPlaceholder {
  return (CANNED_REPLY_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Placeholders written in the text that Kept does not know (a typo would reach the customer as written). */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) if (!isPlaceholder(match[1]!)) unknown.add(match[1]!);
  return [...unknown];
}

/**
 * The text with each placeholder replaced by its value. A placeholder without a value (a case
 * with no quoted time) is left out and named in `missing`, so the agent sees what to write.
 */
export function fillPlaceholders(
  body: string,
  values: Partial<Record<CannedReplyPlaceholder, string>>,
): { text: string; missing: CannedReplyPlaceholder[] } {
  const missing = new Set<CannedReplyPlaceholder>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return value;
  });
  return { text, missing: [...missing] };
}
