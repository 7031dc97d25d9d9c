// Splits an e-mail's text into the new part (what the agent reads first) and the quoted
// history plus signature (folded away, never thrown away). Conservative: when unsure the
// text stays in the new part, because hiding what the customer wrote is the worse mistake.
import { TEXT_BOUNDS } from '../../language/index.ts';

export interface SplitText {
  body: string;
  quoted: string | null;
}

// A line that introduces quoted history: "On Tue, … wrote:", Outlook's header block, and
// their equivalents in the languages Kept speaks. The patterns are tested on lines without their
// trailing spaces (so none ends in `\s*$`), and none has two unbounded runs that can share the
// same characters: their work is bounded by the line, and lines are bounded (markerLineChars).
const ATTRIBUTION: RegExp[] = [
  /^\s*On\b.{0,200}\bwrote:$/i,
  /^\s*Le\b.{0,200}a écrit\s*:$/i,
  /^\s*Am\b.{0,200}schrieb.{0,80}:$/i,
  /^.{0,200}(?:^|\s)(пишет|написал|написала|написал\(а\))\s*:$/i,
  /^.{0,200}(?:^|\s)(كتب|كتبت)(?:\s.{0,160})?:$/,
  /^.{0,200}(?:^|\s)(كتب|كتبت)$/,
  /^.{0,200}(כתב|כתבה)(?:\s*:)?$/,
  /^\s*-{2,}\s*(Original Message|Исходное сообщение|الرسالة الأصلية|הודעה מקורית)\s*-{2,}$/i,
  /^\s*_{20,}$/,
];
// Outlook's reply header without an attribution line: "From: …" followed by "Sent:"/"Date:".
const OUTLOOK_FROM = /^\s*\*?(From|От|من|מאת)\s*:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(Sent|Date|Отправлено|Дата|تاريخ الإرسال|التاريخ|נשלח|תאריך)\s*:\*?/i;
// A forward is the content the customer wants us to read: never folded.
const FORWARD_MARK =
  /^\s*-{2,}\s*(Forwarded message|Begin forwarded message|Пересылаемое сообщение|Переадресованное сообщение|رسالة معاد توجيهها|הודעה שהועברה)/i;
const SIGNATURE: RegExp[] = [
  /^-- ?$/,
  /^\s*(Sent from my (iPhone|iPad|Android|Galaxy|mobile device)|Sent from Mail for Windows|Get Outlook for (iOS|Android)|Отправлено с (iPhone|iPad|моего)|Отправлено из мобильной|تم الإرسال من|أرسلت من|נשלח מ)/i,
];

const isQuoteLine = (line: string) => line.trimStart().startsWith('>');

/**
 * Linear in the text: each line is looked at a bounded number of times, and the marker patterns
 * run only on lines short enough to be a marker (TEXT_BOUNDS.markerLineChars). The whole text is
 * kept, in one part or the other.
 */
export function splitQuotedText(text: string): SplitText {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  // A line as the marker patterns see it: without trailing spaces, and empty when too long to be a marker.
  const short = (line: string | undefined) =>
    line !== undefined && line.length <= TEXT_BOUNDS.markerLineChars ? line.trimEnd() : '';
  // From which line on only ">" lines and blank lines remain: computed once, from the end.
  let quotedTail = lines.length;
  while (quotedTail > 0 && (isQuoteLine(lines[quotedTail - 1]!) || lines[quotedTail - 1]!.trim() === '')) quotedTail--;
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = short(lines[i]);
    if (FORWARD_MARK.test(line)) break;
    if (ATTRIBUTION.some((re) => re.test(line))) {
      cut = i;
      break;
    }
    // A two-line Gmail attribution: "On Tue, 3 Mar 2026 at 10:00, Ann <ann@x>" / "wrote:".
    if (
      /^\s*On\b.{0,200}$/i.test(line) &&
      /^\s*.{0,80}wrote:$/i.test(short(lines[i + 1])) &&
      (i + 2 >= lines.length || isQuoteLine(lines[i + 2]!))
    ) {
      cut = i;
      break;
    }
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(short(l)))) {
      cut = i;
      break;
    }
    if (SIGNATURE.some((re) => re.test(line))) {
      cut = i;
      break;
    }
    // A block of ">" lines running to the end (bottom-quoting) folds; inline answers do not.
    if (isQuoteLine(lines[i]!) && i >= quotedTail) {
      cut = i;
      break;
    }
  }
  if (cut < 0) return { body: normalized.trim(), quoted: null };
  const body = lines.slice(0, cut).join('\n').trim();
  const quoted = lines.slice(cut).join('\n').trim();
  // Only quoting, nothing new (or a reply written under the quote): show everything.
  if (body.length === 0) return { body: normalized.trim(), quoted: null };
  return { body, quoted: quoted.length > 0 ? quoted : null };
}
