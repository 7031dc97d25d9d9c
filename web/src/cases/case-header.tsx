import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';
import { HellBadge, HellReasons, StatusBadge } from '../common/badges.tsx';
import { useFormat } from '../i18n/use-format.ts';
import { BounceBadge } from '../email/bounce-badge.tsx';

function Figure({ label, value, testId, warn }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={warn ? 'orange.8' : undefined} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Stack>
  );
}

export function CaseHeader({ detail }: { detail: CaseDetailResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = detail.case;
  const respect = detail.respect;
  return (
    <Paper withBorder p="md" data-testid="case-header">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text c="dimmed" fw={700} data-testid="case-reference" dir="ltr">
              {c.reference}
            </Text>
            <StatusBadge status={c.status} />
            {c.openEscalation && (
              <Badge color="red" variant="light" data-testid="case-escalated">
                {t('case.escalatedBadge')}
              </Badge>
            )}
            {c.isComplaint && (
              <Badge color="grape" variant="light">
                {t('case.complaint')}
              </Badge>
            )}
            <HellBadge flagged={detail.hell.flagged} />
            <BounceBadge customer={detail.customer} />
          </Group>
          <Title order={2} dir="auto" style={{ overflowWrap: 'anywhere' }} data-testid="case-subject">
            {c.subject}
          </Title>
          <Group gap="lg">
            <Text size="sm">
              <Text span c="dimmed">
                {t('case.customer')}:{' '}
              </Text>
              <Anchor
                component={Link}
                to={`/app/customers/${detail.customer.id}`}
                data-testid="case-customer"
                dir="auto"
              >
                {detail.customer.name}
              </Anchor>
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t('case.customerLanguage')}:{' '}
              </Text>
              <span data-testid="case-language">{format.languageName(detail.customer.language ?? c.language)}</span>
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t('case.owner')}:{' '}
              </Text>
              <bdi data-testid="case-owner">{c.owner?.name ?? t('common.unassigned')}</bdi>
            </Text>
            <Text size="sm">
              <Text span c="dimmed">
                {t('case.channel')}:{' '}
              </Text>
              {t(`channel.${c.channel}`)}
            </Text>
          </Group>
        </Stack>
        <Stack gap={4} miw={260} maw="100%">
          <Text size="xs" fw={600} c="dimmed">
            {t('case.respect')}
          </Text>
          {/* Side by side while they fit, then onto the next line: Russian labels cut the third column. */}
          <Group gap="md" align="flex-start" wrap="wrap">
            <Figure
              label={t('case.firstResponse')}
              value={
                respect.firstResponseMinutes === null
                  ? t('common.notYet')
                  : format.duration(respect.firstResponseMinutes)
              }
              testId="respect-first-response"
            />
            <Figure
              label={t('case.totalWait')}
              value={format.duration(respect.totalWaitMinutes)}
              testId="respect-total-wait"
            />
            <Figure
              label={t('case.transfers')}
              value={format.number(respect.transfers)}
              testId="respect-transfers"
              warn={respect.transfers >= 3}
            />
          </Group>
        </Stack>
      </Group>
      {detail.hell.flagged && (
        <Group gap={4} mt="sm" data-testid="hell-reasons">
          <HellReasons reasons={detail.hell.reasons} />
        </Group>
      )}
    </Paper>
  );
}
