/** A value for <input type="datetime-local"> some minutes from now, in local time. */
export function localInputValue(minutesFromNow: number, now = new Date()): string {
  const d = new Date(now.getTime() + minutesFromNow * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant for a datetime-local value (interpreted in the browser's time zone). */
export function isoFromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
