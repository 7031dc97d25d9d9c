import { convert as htmlToText } from 'html-to-text';
import { boundedPrefix, TEXT_BOUNDS } from '../../language/index.ts';

/** The words of an e-mail's HTML (its first TEXT_BOUNDS.htmlChars), for a message without a plain part. */
export function textOfHtml(html: string): string {
  const bounded = boundedPrefix(html, TEXT_BOUNDS.htmlChars);
  try {
    return htmlToText(bounded, {
      wordwrap: false,
      limits: { maxDepth: 200 },
      selectors: [{ selector: 'img', format: 'skip' }],
    });
  } catch {
    return markupFreeText(bounded);
  }
}

const SCRIPT_OR_STYLE_OPEN = /<(script|style)/gi;

/**
 * Pathological nesting: the words without the markup. Linear: every search starts where the
 * last one ended, and a tag is "<" to the next ">" without another "<" in it (`<[^>]*>` rescanned
 * the rest of the text from every "<" of a run without ">"). A script or style left open runs to
 * the end, as in a browser.
 */
export function markupFreeText(html: string): string {
  const kept: string[] = [];
  const open = new RegExp(SCRIPT_OR_STYLE_OPEN);
  let at = 0;
  for (let found = open.exec(html); found; found = open.exec(html)) {
    kept.push(html.slice(at, found.index));
    const close = new RegExp(`</${found[1]}>`, 'gi');
    close.lastIndex = open.lastIndex;
    const closed = close.exec(html);
    at = closed ? close.lastIndex : html.length;
    open.lastIndex = at;
    kept.push(' ');
  }
  kept.push(html.slice(at));
  return kept
    .join('')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}
