// The per-case reply-to address: support+k1042@example.com. A reply that lost its headers
// (forwarded through a ticket form, a phone's mail app) still names its case in the address.

export interface SplitAddress {
  /** Lower-case, without the +tag: the support address itself. */
  base: string;
  /** What followed the "+", lower-case; null when there was none. */
  tag: string | null;
}

/** Splits "Support+K1042@Example.com" into { base: "support@example.com", tag: "k1042" }. */
export function splitPlusAddress(address: string): SplitAddress | null {
  const trimmed = address.trim().replace(/^<|>$/g, '').toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0 || at === trimmed.length - 1) return null;
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus === 0) return null;
  return plus < 0
    ? { base: `${local}@${domain}`, tag: null }
    : { base: `${local.slice(0, plus)}@${domain}`, tag: local.slice(plus + 1) || null };
}

/** The address a case's outbound mail sets as Reply-To: support+k1042@domain. */
export function replyToAddressFor(caseNumber: number, supportAddress: string): string {
  const split = splitPlusAddress(supportAddress);
  if (!split) throw new Error(`Not an e-mail address: ${supportAddress}`);
  const at = split.base.lastIndexOf('@');
  return `${split.base.slice(0, at)}+k${caseNumber}${split.base.slice(at)}`;
}

/** The case number a plus-address names (support+k1042@… → 1042), or null. */
export function caseNumberFromAddress(address: string): number | null {
  const tag = splitPlusAddress(address)?.tag;
  const match = tag ? /^k-?(\d{1,12})$/.exec(tag) : null;
  return match ? Number(match[1]) : null;
}
