import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { splitQuotedText } from './quoted-text.ts';

describe('splitQuotedText', () => {
  it('folds a Gmail-style quote under "On … wrote:"', () => {
    const s = splitQuotedText(
      'Still broken, sorry.\n\nOn Tue, 3 Mar 2026 at 10:00, Kept <support@acme.test> wrote:\n> We are on it.\n> K-12',
    );
    expect(s.body).toBe('Still broken, sorry.');
    expect(s.quoted).toMatch(/^On Tue/);
  });
  it('folds a two-line Gmail attribution', () => {
    const s = splitQuotedText(
      'Thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Kept Support <support@acme.test>\nwrote:\n> hello',
    );
    expect(s.body).toBe('Thanks!');
  });
  it('folds Outlook reply headers and the original-message line', () => {
    expect(
      splitQuotedText(
        'Yes please.\r\n\r\nFrom: Support <s@acme.test>\r\nSent: Monday\r\nTo: me\r\nSubject: x\r\n\r\nold',
      ).body,
    ).toBe('Yes please.');
    expect(splitQuotedText('OK\n-----Original Message-----\nFrom: a').body).toBe('OK');
    expect(splitQuotedText('OK\n________________________________\nFrom: a').body).toBe('OK');
  });
  it('folds Russian, Arabic and Hebrew attributions', () => {
    expect(
      splitQuotedText('Спасибо, жду.\n\n3 марта 2026 г., в 10:00, Kept <s@acme.test> написал:\n> Мы работаем').body,
    ).toBe('Спасибо، жду.'.replace('،', ','));
    expect(splitQuotedText('شكراً لكم.\n\nفي 3 مارس 2026، كتب Kept <s@acme.test>:\n> نحن نعمل').body).toBe('شكراً لكم.');
    expect(splitQuotedText('תודה רבה.\n\nב-3 במרץ 2026, Kept <s@acme.test> כתב:\n> אנחנו').body).toBe('תודה רבה.');
  });
  it('folds signatures, keeps them', () => {
    const s = splitQuotedText('Please call me.\n-- \nAnn Lee\nACME Ltd');
    expect(s).toEqual({ body: 'Please call me.', quoted: '-- \nAnn Lee\nACME Ltd' });
    expect(splitQuotedText('Where is it?\n\nSent from my iPhone').body).toBe('Where is it?');
  });
  it('never folds a forward or inline answers, and never leaves an empty body', () => {
    const fwd = 'See below.\n\n---------- Forwarded message ---------\nFrom: Bob\nDate: x\n\nOn Mon Bob wrote:\n> hi';
    expect(splitQuotedText(fwd).quoted).toBeNull();
    const inline = '> Which model?\nThe X200.\n> Since when?\nMonday.';
    expect(splitQuotedText(inline).quoted).toBeNull();
    expect(splitQuotedText('> only quote\n> here')).toEqual({ body: '> only quote\n> here', quoted: null });
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('splitQuotedText', splitQuotedText);

  it('keeps the whole text: the bound is on the work, not on what is stored', () => {
    const text = `${'x'.repeat(300_000)}\n\nOn Tue, Ann <ann@x.test> wrote:\n${'> old\n'.repeat(50_000)}`;
    const split = splitQuotedText(text);
    expect(split.body).toBe('x'.repeat(300_000));
    expect(split.quoted).toBe(text.slice(300_002).trim());
  });
});
