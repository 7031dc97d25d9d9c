import type { TFunction } from 'i18next';
import { ApiFailure } from '../api/api-client.ts';

/** The translated message for an API error code; unknown codes get a generic message. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiFailure) {
    const key = `errors.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    const message = translated && translated !== key ? translated : t('errors.unknown');
    return error.field ? `${message} ${t('errors.field', { field: error.field })}` : message;
  }
  return t('errors.unknown');
}
