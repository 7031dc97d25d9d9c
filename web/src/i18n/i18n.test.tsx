import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { localeResources } from './locale-bundles.ts';
import i18n, { chooseLanguage, directionOf, LANGUAGE_STORAGE_KEY } from './i18n.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { makeFormatters } from './use-format.ts';

type Tree = { [key: string]: string | Tree };
const { en, ar, he, ru } = localeResources;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const locales: Record<string, Map<string, string>> = {
  en: flatten(en as Tree),
  ar: flatten(ar as Tree),
  he: flatten(he as Tree),
  ru: flatten(ru as Tree),
};
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  const enKeys = [...locales.en!.keys()].sort();

  it.each(['ar', 'he', 'ru'])('%s has exactly the same keys as en', (lang) => {
    const keys = [...locales[lang]!.keys()].sort();
    expect(keys.filter((k) => !locales.en!.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !locales[lang]!.has(k))).toEqual([]);
  });

  it.each(['en', 'ar', 'he', 'ru'])('%s has no empty values', (lang) => {
    const empty = [...locales[lang]!.entries()].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(['ar', 'he', 'ru'])('%s keeps every {{placeholder}} of en', (lang) => {
    const mismatched = enKeys.filter(
      (k) => placeholders(locales.en!.get(k)!).join() !== placeholders(locales[lang]!.get(k)!).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(['ar', 'he', 'ru'])('%s is actually translated (not a copy of en)', (lang) => {
    const words = (s: string) => s.replace(/\{\{\s*\w+\s*\}\}/g, '');
    const same = enKeys.filter(
      (k) => locales[lang]!.get(k) === locales.en!.get(k) && /[a-z]{3,}/i.test(words(locales.en!.get(k)!)),
    );
    // Brand names and symbols may legitimately stay the same.
    expect(same.filter((k) => k !== 'app.name')).toEqual([]);
  });
});

describe('language and direction', () => {
  it('knows which languages are right-to-left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf('ru')).toBe('ltr');
  });

  it.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['ru', 'ltr'],
    ['en', 'ltr'],
  ])('switching to %s sets <html dir=%s lang> and remembers the choice', async (lang, dir) => {
    await act(async () => {
      await chooseLanguage(lang as 'ar');
    });
    expect(document.documentElement.dir).toBe(dir);
    expect(document.documentElement.lang).toBe(lang);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe(lang);
  });

  it('the switcher changes the language of the page', async () => {
    await act(async () => {
      await chooseLanguage('en');
    });
    render(
      <MantineProvider>
        <LanguageSwitcher />
      </MantineProvider>,
    );
    const select = screen.getByTestId('language-switcher') as HTMLSelectElement;
    expect(select.getAttribute('aria-label')).toBe('Change language');
    await act(async () => {
      select.value = 'he';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(i18n.language).toBe('he');
    expect(document.documentElement.dir).toBe('rtl');
    await act(async () => {
      await chooseLanguage('en');
    });
  });
});

describe('formatters', () => {
  it('formats durations in the language', () => {
    expect(makeFormatters('en').duration(0)).toMatch(/0/);
    expect(makeFormatters('en').duration(125)).toMatch(/2.*5/);
    expect(makeFormatters('ru').duration(60 * 24 * 2 + 60)).toMatch(/2/);
  });
});
