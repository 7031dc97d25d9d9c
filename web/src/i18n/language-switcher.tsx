import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, isUiLanguage, LANGUAGES } from './i18n.ts';

/** Each language is offered under its own name (English, العربية, עברית, Русский). */
function autonym(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const current = isUiLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <NativeSelect
      data-testid="language-switcher"
      aria-label={t('language.switcher')}
      size={size}
      w={{ base: 104, sm: 130 }}
      value={current}
      data={LANGUAGES.map((code) => ({ value: code, label: autonym(code) }))}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isUiLanguage(value)) void chooseLanguage(value);
      }}
    />
  );
}
