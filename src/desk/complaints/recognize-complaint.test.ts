import { describe, expect, it } from 'vitest';
import { itIsLinearOnHostileText } from '../../../tests/support/linear-time.test-kit.ts';
import { TEXT_BOUNDS } from '../../language/index.ts';
import { measurePhraseSet, readPhraseSet } from './complaint-phrase-sets.ts';
import { COMPLAINT_PHRASE_LANGUAGES, recognizeComplaint } from './recognize-complaint.ts';

// The figures docs/LANGUAGE.md quotes ("Complaints"). The held-out sets (written blind a second time for
// issues #15/#18, committed before the rules were opened again) were never tuned on: their floor is what we
// claim — measured once, precision 0.89–0.94 and recall 0.57–0.69 — less a small margin; the tuning sets
// must stay near perfect.
const HELD_OUT_FLOOR = { precision: 0.85, recall: 0.55 };
const TUNING_FLOOR = { precision: 0.97, recall: 0.97 };

describe('recognizeComplaint: labelled sentences in four languages', () => {
  for (const language of COMPLAINT_PHRASE_LANGUAGES) {
    it(`${language}: at least 150 held-out and 150 tuning sentences (issues #15, #18)`, () => {
      const tuning = readPhraseSet(language, 'tuning');
      const heldOut = readPhraseSet(language, 'held-out');
      expect(heldOut.length).toBeGreaterThanOrEqual(150);
      expect(tuning.length).toBeGreaterThanOrEqual(150);
      // Both labels in both sets, or a figure would say nothing.
      for (const set of [tuning, heldOut]) expect(new Set(set.map((r) => r.label))).toEqual(new Set([0, 1]));
    });

    for (const [set, floor] of [
      ['tuning', TUNING_FLOOR],
      ['held-out', HELD_OUT_FLOOR],
    ] as const) {
      it(`${language} ${set}: precision ≥ ${floor.precision}, recall ≥ ${floor.recall}`, () => {
        const figures = measurePhraseSet(language, set);
        console.log(
          `complaints ${language} ${set}: ${figures.sentences} sentences, precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)}`,
        );
        expect(figures.precision, JSON.stringify(figures.misses)).toBeGreaterThanOrEqual(floor.precision);
        expect(figures.recall, JSON.stringify(figures.misses)).toBeGreaterThanOrEqual(floor.recall);
      });
    }
  }
});

describe('recognizeComplaint: what it reports and what it ignores', () => {
  it('names the language and the listed phrase, whatever the inflection', () => {
    expect(recognizeComplaint('I complained twice already.')).toEqual({
      complained: true,
      language: 'en',
      phrase: 'complaint',
    });
    expect(recognizeComplaint('Пожалуйста, примите мою жалобу.')).toMatchObject({ language: 'ru', phrase: 'жалоба' });
    expect(recognizeComplaint('وللشكوى أسباب كثيرة، أنا غير راضٍ')).toMatchObject({ complained: true, language: 'ar' });
    expect(recognizeComplaint('והתלונה שלי עדיין פתוחה')).toMatchObject({ language: 'he', phrase: 'תלונה' });
  });

  it('ignores negated, someone else’s, quoted and cleared complaints', () => {
    for (const text of [
      'No complaints at all.',
      'My wife says your service is terrible but I disagree.',
      '> I want to complain\n> about the bill\nThanks, all sorted now.',
      'The agent told me “this is unacceptable” when I asked for a discount, which made us laugh.',
      'The bus was terrible, not your fault of course.',
      'Никаких жалоб, спасибо.',
      'אין לי תלונות.',
      'ليس لدي أي شكوى.',
    ])
      expect(recognizeComplaint(text).complained, text).toBe(false);
  });

  it('counts weak signs by kind: a broken promise told as a fact is a complaint, one sign alone is not', () => {
    for (const text of [
      'I was promised a callback within 24 hours. That was nine days ago.',
      'Мне обещали перезвонить в течение суток. Это было неделю назад.',
      'הבטיחו לי החזר עד שישי. היום שלישי.',
      'وعدوني بالاسترجاع يوم الجمعة، وصار لي أسبوعين أنتظر.',
    ])
      expect(recognizeComplaint(text).phrase, text).toContain('promise');
    for (const text of [
      'I was promised a callback tomorrow morning.',
      'Could you send the code again? I deleted it.',
      'Honestly, really happy with it, thanks again.',
      'My neighbour says she was promised a refund weeks ago and is still waiting.',
    ])
      expect(recognizeComplaint(text).complained, text).toBe(false);
  });

  it('hears the kinds no complaint word names: the last straw, lies, bare verdicts, rhetorical questions', () => {
    for (const text of [
      'This is the last straw.',
      'Your agent lied to me.',
      'Terrible.',
      'What exactly am I paying for?',
      'Это последняя капля.',
      'הנציג שיקר לי.',
      'على شو عم ادفع بالزبط؟',
    ])
      expect(recognizeComplaint(text).complained, text).toBe(true);
    for (const text of ['The weather was terrible on the way, not your fault.', 'Not terrible at all, thanks.'])
      expect(recognizeComplaint(text).complained, text).toBe(false);
  });

  it('reads the start of the text: a complaint past the bound is not read', () => {
    const filler = 'my order number is 1234 '.repeat(Math.ceil(TEXT_BOUNDS.complaintTextChars / 24));
    expect(recognizeComplaint(`This is unacceptable. ${filler}`).complained).toBe(true);
    expect(recognizeComplaint(`${filler} This is unacceptable.`).complained).toBe(false);
  });

  itIsLinearOnHostileText('recognizeComplaint', recognizeComplaint);
});
