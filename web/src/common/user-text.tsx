import type { ReactNode } from 'react';
import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n/i18n.ts';

/**
 * A line a person wrote (subject, preview, name) inside the interface: its direction comes from its own
 * first strong letter (dir="auto"), so a Latin subject in an Arabic row keeps its punctuation and "…"
 * at its own end, while the line stays aligned with its column: the interface's start side, not the
 * text's (Chromium has no unprefixed text-align: match-parent).
 */
export function UserLine({
  children,
  lines = 1,
  ...props
}: { children: ReactNode; lines?: number } & Omit<TextProps, 'lineClamp' | 'dir'>) {
  const { i18n } = useTranslation();
  const align = directionOf(i18n.language) === 'rtl' ? 'right' : 'left';
  return (
    <Text size="sm" {...props} lineClamp={lines} dir="auto" style={{ textAlign: align }} data-user-text="">
      {children}
    </Text>
  );
}

/** A name or other short user text placed among interface words: isolated, like a value in a sentence. */
export function UserWords({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    // A name is not broken over two lines in a table; the table scrolls sideways first.
    <bdi data-user-text="" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {children}
    </bdi>
  );
}
