import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';

export function AuthLayout({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440} maw="100%">
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={800} size="xl" c="teal.8">
              {t('app.name')}
            </Text>
            <LanguageSwitcher />
          </Group>
          <Title order={2}>{title}</Title>
          {intro && <Text c="dimmed">{intro}</Text>}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
