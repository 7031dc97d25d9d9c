import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  language: string;
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  number: (value: number | null | undefined, digits?: number) => string;
  /** A duration in minutes as "2 d 3 h" in the current language. */
  duration: (minutes: number | null | undefined) => string;
  /** How long ago (or until) an instant, e.g. "3 hours ago". */
  relative: (iso: string, now?: number) => string;
  languageName: (code: string | null | undefined) => string;
}

export function makeFormatters(language: string): Formatters {
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const relativeFormat = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const unit = (u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 });
  const dayUnit = unit('day');
  const hourUnit = unit('hour');
  const minuteUnit = unit('minute');
  let displayNames: Intl.DisplayNames | null = null;
  try {
    displayNames = new Intl.DisplayNames([language], { type: 'language' });
  } catch {
    displayNames = null;
  }
  const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return {
    language,
    dateTime: (iso) => {
      const d = parse(iso);
      return d && !Number.isNaN(d.getTime()) ? dateTimeFormat.format(d) : '—';
    },
    date: (iso) => {
      const d = parse(iso);
      return d && !Number.isNaN(d.getTime()) ? dateFormat.format(d) : '—';
    },
    number: (value, digits = 0) =>
      value === null || value === undefined || Number.isNaN(value)
        ? '—'
        : new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value),
    duration: (minutes) => {
      if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return '—';
      const total = Math.max(0, Math.round(minutes));
      const days = Math.floor(total / 1440);
      const hours = Math.floor((total % 1440) / 60);
      const mins = total % 60;
      const parts: string[] = [];
      if (days) parts.push(dayUnit.format(days));
      if (hours) parts.push(hourUnit.format(hours));
      if (mins || parts.length === 0) {
        if (days === 0) parts.push(minuteUnit.format(mins));
      }
      return parts.join(' ');
    },
    relative: (iso, now = Date.now()) => {
      const diffMinutes = (new Date(iso).getTime() - now) / 60000;
      const abs = Math.abs(diffMinutes);
      if (abs < 60) return relativeFormat.format(Math.round(diffMinutes), 'minute');
      if (abs < 1440) return relativeFormat.format(Math.round(diffMinutes / 60), 'hour');
      return relativeFormat.format(Math.round(diffMinutes / 1440), 'day');
    },
    languageName: (code) => {
      if (!code) return '—';
      try {
        return displayNames?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => makeFormatters(language), [language]);
}

/** Minutes elapsed since an instant. */
export function minutesSince(iso: string, now = Date.now()): number {
  return Math.max(0, (now - new Date(iso).getTime()) / 60000);
}
