// Calendar dates as integer day numbers (days since 1970-01-01, UTC). Purchases are
// counted per calendar day, so the time of day and time zones are deliberately ignored:
// the date written in the file is the purchase day.

const DAY_MS = 86_400_000;

/** Parse YYYY-MM-DD (optionally followed by a time, which is ignored); undefined if invalid. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text.trim());
  if (!m) return undefined;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parse YYYYMMDD (the CDNOW files); undefined if invalid. */
export function parseCompactDay(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

function dayFromParts(y: number, mo: number, d: number): number | undefined {
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject dates Date.UTC silently rolls over, like 2023-02-30.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function formatIsoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
