import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateAgainst } from './bidi-isolate.ts';
import { localeResources } from './locale-bundles.ts';

export const LANGUAGES = ['en', 'ar', 'he', 'ru'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he']);
export const LANGUAGE_STORAGE_KEY = 'kept.language';

export const resources = localeResources;

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return !!value && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL_LANGUAGES.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
}

function storedLanguage(): UiLanguage | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The browser's preferred language among those Kept speaks. */
export function browserLanguage(): UiLanguage | null {
  const candidates = globalThis.navigator?.languages ?? [globalThis.navigator?.language];
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
    if (base === 'iw') return 'he';
  }
  return null;
}

/** The saved choice wins; otherwise the browser's language; otherwise English. */
export function initialLanguage(): UiLanguage {
  return storedLanguage() ?? browserLanguage() ?? 'en';
}

export function applyDocumentLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/** Switches the language and remembers the choice. */
export async function chooseLanguage(language: UiLanguage): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage can be unavailable (private mode); the switch still works for this page
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  applyDocumentLanguage(language);
  if (typeof document !== 'undefined') document.title = i18n.t('app.name');
});

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: localeResources.en },
    ar: { translation: localeResources.ar },
    he: { translation: localeResources.he },
    ru: { translation: localeResources.ru },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // React escapes markup; the "escape" here only isolates a value written against the interface's direction.
  interpolation: {
    escapeValue: true,
    escape: (value: unknown) => isolateAgainst(directionOf(i18n.language ?? 'en'), String(value)),
  },
  returnNull: false,
  initAsync: false,
});
applyDocumentLanguage(i18n.language);

export default i18n;
