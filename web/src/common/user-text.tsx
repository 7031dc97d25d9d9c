import type { ReactNode } from 'react';
import { Text, type TextProps } from '@mantine/core';

/**
 * A line a person wrote (subject, preview, name) inside the interface: its direction comes from its own
 * first strong letter (dir="auto"), so a Latin subject in an Arabic row keeps its punctuation and "…"
 * at its own end, while the line stays aligned with its column (text-align: match-parent follows the
 * cell's direction, not the text's).
 */
export function UserLine({
  children,
  lines = 1,
  ...props
}: { children: ReactNode; lines?: number } & Omit<TextProps, 'lineClamp' | 'dir'>) {
  return (
    <Text size="sm" {...props} lineClamp={lines} dir="auto" style={{ textAlign: 'match-parent' }} data-user-text="">
      {children}
    </Text>
  );
}

/** A name or other short user text placed among interface words: isolated, like a value in a sentence. */
export function UserWords({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <bdi data-user-text="" data-testid={testId}>
      {children}
    </bdi>
  );
}
