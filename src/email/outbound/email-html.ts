// RTL-correct HTML e-mail: the direction and language go on <html> and <body> (mail clients
// drop one or the other), and every message also has a plain-text part.
import { escapeHtml } from '../../desk/index.ts';

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur', 'yi']);

export function primaryLanguage(language: string | null | undefined): string {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}

export function directionOfLanguage(language: string | null | undefined): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(primaryLanguage(language)) ? 'rtl' : 'ltr';
}

/** An agent's plain-text reply as HTML: escaped, blank lines make paragraphs, single newlines <br>. */
export function textToHtmlFragment(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .filter((paragraph) => paragraph.trim().length > 0)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}

/** A whole HTML document around a fragment, in the customer's language and direction. */
export function emailHtmlDocument(fragment: string, language: string | null | undefined, title: string): string {
  const lang = primaryLanguage(language);
  const dir = directionOfLanguage(lang);
  const align = dir === 'rtl' ? 'right' : 'left';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${lang}" dir="${dir}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n` +
    `<title>${escapeHtml(title)}</title>\n</head>\n` +
    `<body lang="${lang}" dir="${dir}" style="direction:${dir};text-align:${align};font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">\n` +
    `${fragment}\n</body>\n</html>\n`
  );
}

/** The HTML part for an outbox row: its own HTML (an acknowledgement) or the text rendered. */
export function renderOutboundHtml(input: {
  text: string;
  html: string | null;
  language: string | null;
  subject: string;
}): string {
  return emailHtmlDocument(input.html ?? textToHtmlFragment(input.text), input.language, input.subject);
}
