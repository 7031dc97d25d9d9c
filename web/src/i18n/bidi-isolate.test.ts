import { describe, expect, it } from 'vitest';
import { isolateAgainst } from './bidi-isolate.ts';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolating values written against the interface direction', () => {
  it('wraps a Latin value in an Arabic or Hebrew sentence, and an Arabic or Hebrew one in an English sentence', () => {
    expect(isolateAgainst('rtl', 'Emily Carter')).toBe(`${FSI}Emily Carter${PDI}`);
    expect(isolateAgainst('ltr', 'ليلى حداد')).toBe(`${FSI}ليلى حداد${PDI}`);
    expect(isolateAgainst('ltr', 'דנה לוי!')).toBe(`${FSI}דנה לוי!${PDI}`);
    // Mixed: an Arabic subject quoting a Latin product name, in an Arabic interface.
    expect(isolateAgainst('rtl', 'مشكلة في Soundbar S2؟')).toBe(`${FSI}مشكلة في Soundbar S2؟${PDI}`);
  });

  it('leaves values of the interface direction, numbers and empty text alone, and never wraps twice', () => {
    expect(isolateAgainst('ltr', 'Emily Carter')).toBe('Emily Carter');
    expect(isolateAgainst('ltr', 'Анна Петрова')).toBe('Анна Петрова');
    expect(isolateAgainst('rtl', 'ليلى حداد')).toBe('ليلى حداد');
    expect(isolateAgainst('rtl', '1,234')).toBe('1,234');
    expect(isolateAgainst('rtl', '')).toBe('');
    expect(isolateAgainst('rtl', `${FSI}Emily${PDI}`)).toBe(`${FSI}Emily${PDI}`);
  });
});
