import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import { quarterLabel } from './quarter-label.ts';
import ar from '../locales/surveys/ar.json';
import en from '../locales/surveys/en.json';
import he from '../locales/surveys/he.json';
import ru from '../locales/surveys/ru.json';

const bundles = { en, ar, he, ru };

describe('the quarter chooser names a quarter in words, never as the raw key', () => {
  it('reads a quarter in each language, the Arabic and Hebrew with the quarter before the year', async () => {
    const t = i18n.createInstance();
    await t.init({
      lng: 'en',
      resources: Object.fromEntries(
        Object.entries(bundles).map(([lng, bundle]) => [lng, { translation: { surveys: bundle } }]),
      ),
    });
    const label = (lng: string) => quarterLabel(t.getFixedT(lng), '2026-Q4');
    expect(label('en')).toBe('Q4 2026');
    expect(label('ar')).toBe('الربع 4 من 2026');
    expect(label('he')).toBe('רבעון 4 של 2026');
    expect(label('ru')).toBe('4-й квартал 2026');
    for (const lng of ['ar', 'he']) expect(label(lng)).not.toContain('Q4');
  });

  it('shows anything that is not a quarter as it came', async () => {
    const t = i18n.createInstance();
    await t.init({ lng: 'en', resources: { en: { translation: { surveys: en } } } });
    expect(quarterLabel(t.t, '2026-Q5')).toBe('2026-Q5');
  });
});
