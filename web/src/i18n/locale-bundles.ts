import en from '../locales/en.json';
import ar from '../locales/ar.json';
import he from '../locales/he.json';
import ru from '../locales/ru.json';

export type LocaleTree = { [key: string]: string | LocaleTree };
export const BUNDLE_LANGUAGES = ['en', 'ar', 'he', 'ru'] as const;

// Each feature keeps its strings in web/src/locales/<feature>/<language>.json, merged under the
// key <feature> (t('email.bounced')), so features can grow without editing one shared file.
const featureFiles = import.meta.glob<LocaleTree>('../locales/*/*.json', { eager: true, import: 'default' });

function build(language: (typeof BUNDLE_LANGUAGES)[number], base: LocaleTree): LocaleTree {
  const tree: LocaleTree = { ...base };
  for (const [file, strings] of Object.entries(featureFiles)) {
    const match = /locales\/([^/]+)\/([a-z]+)\.json$/.exec(file);
    if (!match || match[2] !== language) continue;
    if (match[1]! in tree) throw new Error(`locale feature "${match[1]}" collides with a top-level key`);
    tree[match[1]!] = strings;
  }
  return tree;
}

export const localeResources: Record<(typeof BUNDLE_LANGUAGES)[number], LocaleTree> = {
  en: build('en', en as LocaleTree),
  ar: build('ar', ar as LocaleTree),
  he: build('he', he as LocaleTree),
  ru: build('ru', ru as LocaleTree),
};
