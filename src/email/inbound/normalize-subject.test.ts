import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { isForwardSubject, normalizeSubject } from './normalize-subject.ts';

describe('normalizeSubject', () => {
  it('strips reply and forward prefixes in many languages, repeatedly', () => {
    expect(normalizeSubject('Re: RE: Fwd: Refund please')).toBe('refund please');
    expect(normalizeSubject('AW: SV: Vs: Order 44')).toBe('order 44');
    expect(normalizeSubject('RE[2]: Order 44')).toBe('order 44');
    expect(normalizeSubject('Ответ: Возврат денег')).toBe('возврат денег');
    expect(normalizeSubject('رد: استرداد المبلغ')).toBe('استرداد المبلغ');
    expect(normalizeSubject('תגובה: החזר כספי')).toBe('החזר כספי');
    expect(normalizeSubject('Re:  [#K-1042]  Broken   kettle')).toBe('broken kettle');
  });
  it('keeps words that only look like prefixes', () => {
    expect(normalizeSubject('Refund')).toBe('refund');
    expect(normalizeSubject('Rental agreement')).toBe('rental agreement');
  });
  it('knows a forward from a reply', () => {
    expect(isForwardSubject('Fwd: invoice')).toBe(true);
    expect(isForwardSubject('Re: FW: invoice')).toBe(true);
    expect(isForwardSubject('Re: invoice')).toBe(false);
    expect(isForwardSubject('Invoice')).toBe(false);
  });
});

describe('hostile input (issue 14)', () => {
  itIsLinearOnHostileText('normalizeSubject', normalizeSubject);
  itIsLinearOnHostileText('isForwardSubject', isForwardSubject);

  it('reads the start of a subject only (the case keeps 200 characters of it)', () => {
    const start = 'Re: '.repeat(10) + 'refund '.repeat(TEXT_BOUNDS.subjectChars / 7);
    expect(normalizeSubject(`${start}one`)).toBe(normalizeSubject(`${start}two`));
  });
});
