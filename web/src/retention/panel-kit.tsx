import type { ReactNode } from 'react';
import { Center, Loader, Paper, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../common/error-alert.tsx';

export function Loading({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error) return <ErrorAlert error={error} onRetry={onRetry} />;
  return (
    <Center p="xl">
      <Loader />
    </Center>
  );
}

export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={5} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={800} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

export const percent = (language: string, v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '—'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: digits }).format(v);
