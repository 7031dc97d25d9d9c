import { describe, expect, it } from 'vitest';
import { HOSTILE_HTML, itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { markupFreeText, textOfHtml } from './email-html-text.ts';

describe('textOfHtml', () => {
  it('reads the words, not the markup, scripts or styles', () => {
    expect(textOfHtml('<p>Hello <b>there</b></p><script>alert(1)</script><style>p{}</style>')).toBe('Hello there');
    const fallback = markupFreeText('<p>Hello <b>there</b></p><SCRIPT>alert(1)</script><style>p{}</style> again');
    expect(fallback.trim()).toBe('Hello there again');
  });
  it('drops an unclosed script to the end: it is never text', () => {
    expect(markupFreeText('<p>Hi</p><script>var a = "<b>x</b>"').trim()).toBe('Hi');
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('textOfHtml', textOfHtml, { shapes: HOSTILE_HTML });
  itIsLinearOnHostileText('markupFreeText', markupFreeText, { shapes: HOSTILE_HTML });

  it('reads the first htmlChars of a longer document', () => {
    const text = textOfHtml(`<p>${'word '.repeat(TEXT_BOUNDS.htmlChars / 5)}</p><p>after the bound</p>`);
    expect(text).not.toContain('after the bound');
  });
});
