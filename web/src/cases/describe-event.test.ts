import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '@kept/contract/api-types.ts';
import { localeResources } from '../i18n/locale-bundles.ts';
import { makeFormatters } from '../i18n/use-format.ts';
import { describeEvent } from './describe-event.ts';

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

async function sentence(language: 'en' | 'ar', item: TimelineItem): Promise<string> {
  const i18n = createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { translation: localeResources[language] } },
    interpolation: { escapeValue: false },
  });
  return describeEvent(i18n.t, makeFormatters(language), item, () => '');
}

const updated: TimelineItem = {
  kind: 'event',
  at: '2026-12-07T10:00:00Z',
  caseId: null,
  eventType: 'customer.updated',
  data: {
    changes: {
      name: { from: 'Lars Eriksen', to: 'Lars Eriksson' },
      phone: { from: '+46 8 555 0123', to: null },
      language: { from: null, to: 'ru' },
    },
  },
};

describe('a customer corrected by hand on the timeline (issue 16)', () => {
  it('names each changed field with what it was and is, in the order of the form', async () => {
    expect(await sentence('en', updated)).toBe(
      `Customer details changed: Name: ${FSI}Lars Eriksen${PDI} → ${FSI}Lars Eriksson${PDI}; ` +
        `Phone: ${LRI}+46 8 555 0123${PDI} → —; Language: — → Russian`,
    );
  });

  it('keeps a phone number left to right in an Arabic sentence', async () => {
    const text = await sentence('ar', updated);
    expect(text).toContain(`${LRI}+46 8 555 0123${PDI}`);
    expect(text.startsWith('تغيّرت بيانات العميل')).toBe(true);
  });

  it('says who entered a customer by hand', async () => {
    const created = { ...updated, eventType: 'customer.created', data: {} };
    expect(await sentence('en', created)).toBe('Customer entered by hand');
  });
});
