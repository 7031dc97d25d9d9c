// How much of a text each analysis reads (issue 14). Every analysis of what a person wrote —
// language, supervisor words, commitments, quoted history, subjects, HTML to text — runs on the
// server's one event loop, so its cost must be linear in what it reads and what it reads must be
// bounded: one message of a megabyte on one line once held the process (health, web app, SMTP)
// for ninety seconds. The stored message stays whole; only the analysis looks at less.
//
// The bounds are far above what a person types into one message (a long letter is ~10,000
// characters): past them is pasted logs, quoted threads or an attack, and none of it changes
// what the message is about.

export const TEXT_BOUNDS = {
  /**
   * Language and supervisor words: the start of the customer's text. Quoted lines are removed
   * within it, so an answer on top of a long quoted thread is still what is read.
   */
  customerTextChars: 64 * 1024,
  /**
   * Complaint words (K12): a complaint is said in the first lines, and its rules are many (four
   * languages, negation and third parties checked per match), so they read the first 16 KB only.
   */
  complaintTextChars: 16 * 1024,
  /** Commitments in an agent's reply: as much as the reply form accepts (route-kit's longText). */
  commitmentTextChars: 20_000,
  /** A "sentence" longer than this (no stop in it) is read as windows of this size. */
  sentenceChars: 1_000,
  /**
   * Marker lines ("On … wrote:", "-- ", "From:", "Sent from my iPhone") are short (the longest
   * their patterns accept is under 400 characters); a longer line is not tested against them.
   */
  markerLineChars: 400,
  /**
   * What a search reads of what was typed (issue 16). The database reads the first 50,000 characters
   * of each message and subject for its search index (migration 0017's kept_search_vector).
   */
  searchQuery: 200,
  /** Subjects, for threading and reply/forward prefixes: the case keeps 200 characters anyway. */
  subjectChars: 1_000,
  /**
   * HTML sanitized for display and turned into text: the parsers cost up to ~4 µs a character on
   * hostile markup (many tags, stray "<"), so 128 KB is ~0.5 s. Gmail clips messages at 102 KB
   * of HTML for the same reason; a plain-text part, when there is one, is read whole.
   */
  htmlChars: 128 * 1024,
  /**
   * An e-mail header field as the MIME parser reads it: mailparser parses a To or Cc at ~20 µs an
   * address in one synchronous stretch (a megabyte of addresses held the event loop 1.3 s). 16 KB
   * is ~1,000 addresses; the longest legitimate fields (References, DKIM) are a few KB.
   */
  headerFieldBytes: 16 * 1024,
  /** A bounce's own words (above the copy of the original), where the failed address is read. */
  bounceReportChars: 64 * 1024,
} as const;

/** The first `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
export function boundedPrefix(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be half a character: cut before it.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
