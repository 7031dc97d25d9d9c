// Splits an e-mail's text into the new part (what the agent reads first) and the quoted
// history plus signature (folded away, never thrown away). Conservative: when unsure the
// text stays in the new part, because hiding what the customer wrote is the worse mistake.

export interface SplitText {
  body: string;
  quoted: string | null;
}

// A line that introduces quoted history: "On Tue, … wrote:", Outlook's header block, and
// their equivalents in the languages Kept speaks.
const ATTRIBUTION: RegExp[] = [
  /^\s*On\b.{0,200}\bwrote:\s*$/i,
  /^\s*Le\b.{0,200}a écrit\s*:\s*$/i,
  /^\s*Am\b.{0,200}schrieb.{0,80}:\s*$/i,
  /^.{0,200}(?:^|\s)(пишет|написал|написала|написал\(а\))\s*:\s*$/i,
  /^.{0,200}(?:^|\s)(كتب|كتبت)(?:\s.{0,160})?\s*:\s*$/,
  /^.{0,200}(?:^|\s)(كتب|كتبت)\s*$/,
  /^.{0,200}(כתב|כתבה)\s*:?\s*$/,
  /^\s*-{2,}\s*(Original Message|Исходное сообщение|الرسالة الأصلية|הודעה מקורית)\s*-{2,}\s*$/i,
  /^\s*_{20,}\s*$/,
];
// Outlook's reply header without an attribution line: "From: …" followed by "Sent:"/"Date:".
const OUTLOOK_FROM = /^\s*\*?(From|От|من|מאת)\s*:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(Sent|Date|Отправлено|Дата|تاريخ الإرسال|التاريخ|נשלח|תאריך)\s*:\*?/i;
// A forward is the content the customer wants us to read: never folded.
const FORWARD_MARK = /^\s*-{2,}\s*(Forwarded message|Begin forwarded message|Пересылаемое сообщение|Переадресованное сообщение|رسالة معاد توجيهها|הודעה שהועברה)/i;
const SIGNATURE: RegExp[] = [
  /^-- ?$/,
  /^\s*(Sent from my (iPhone|iPad|Android|Galaxy|mobile device)|Sent from Mail for Windows|Get Outlook for (iOS|Android)|Отправлено с (iPhone|iPad|моего)|Отправлено из мобильной|تم الإرسال من|أرسلت من|נשלח מ)/i,
];

export function splitQuotedText(text: string): SplitText {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FORWARD_MARK.test(line)) break;
    if (ATTRIBUTION.some((re) => re.test(line))) {
      cut = i;
      break;
    }
    // A two-line Gmail attribution: "On Tue, 3 Mar 2026 at 10:00, Ann <ann@x>" / "wrote:".
    if (/^\s*On\b.{0,200}$/i.test(line) && /^\s*.{0,80}wrote:\s*$/i.test(lines[i + 1] ?? '') && /^\s*>/.test(lines[i + 2] ?? '>')) {
      cut = i;
      break;
    }
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((l) => OUTLOOK_NEXT.test(l))) {
      cut = i;
      break;
    }
    if (SIGNATURE.some((re) => re.test(line))) {
      cut = i;
      break;
    }
    // A block of ">" lines running to the end (bottom-quoting) folds; inline answers do not.
    if (/^\s*>/.test(line) && lines.slice(i).every((l) => /^\s*>/.test(l) || l.trim() === '')) {
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
