import type { ReactNode } from 'react';
import { Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalInfoResponse } from '@kept/contract/api-types.ts';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';

type Reach = PortalInfoResponse['reachAHuman'];

/** How to reach a human: shown on every portal page. */
export function ReachAHuman({ reach }: { reach: Reach | null }) {
  const { t } = useTranslation();
  if (!reach) return null;
  return (
    <Paper
      withBorder
      p="md"
      bg="teal.0"
      data-testid="reach-a-human"
      component="aside"
      aria-label={t('portal.reachHuman')}
    >
      <Title order={4} mb={4}>
        {t('portal.reachHuman')}
      </Title>
      <Text size="sm" mb="xs">
        {t('portal.reachHumanIntro')}
      </Text>
      <Group gap="xl">
        {reach.phone && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('portal.phone')}:{' '}
            </Text>
            <Anchor href={`tel:${reach.phone.replace(/[^+\d]/g, '')}`} dir="ltr" fw={700} data-testid="reach-phone">
              {reach.phone}
            </Anchor>
          </Text>
        )}
        {reach.email && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('portal.email')}:{' '}
            </Text>
            <Anchor href={`mailto:${reach.email}`} dir="ltr" fw={700} data-testid="reach-email">
              {reach.email}
            </Anchor>
          </Text>
        )}
        {reach.hours && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('portal.hours')}:{' '}
            </Text>
            <Text span dir="auto" data-testid="reach-hours">
              {reach.hours}
            </Text>
          </Text>
        )}
      </Group>
    </Paper>
  );
}

export function PortalLayout({
  workspaceName,
  reach,
  children,
}: {
  workspaceName: string | null;
  reach: Reach | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Box bg="gray.0" mih="100vh" data-testid="portal">
      <Box bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={800} size="lg" data-testid="portal-title">
              {workspaceName ? t('portal.title', { workspace: workspaceName }) : t('app.name')}
            </Text>
            <LanguageSwitcher />
          </Group>
        </Container>
      </Box>
      <Container size="md" py="lg">
        <Stack gap="md">
          <ReachAHuman reach={reach} />
          {children}
        </Stack>
      </Container>
    </Box>
  );
}
