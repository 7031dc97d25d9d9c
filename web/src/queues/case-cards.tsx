// Cases as cards on a phone (issue 16): a table of seven columns cannot be read at 390 px.
import { Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseSummary } from '@kept/contract/api-types.ts';
import { StatusBadge } from '../common/badges.tsx';
import { UserLine, UserWords } from '../common/user-text.tsx';
import { minutesSince, useFormat } from '../i18n/use-format.ts';
import { CaseLink } from './queue-parts.tsx';
import type { CaseSelection } from './bulk-bar.tsx';

export function CaseCards({ cases, selection }: { cases: CaseSummary[]; selection?: CaseSelection | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <Stack gap="xs" data-testid="case-cards">
      {cases.map((c) => (
        <Paper
          key={c.id}
          withBorder
          p="sm"
          data-testid="queue-row"
          data-case-id={c.id}
          style={{ cursor: 'pointer' }}
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a, input, label')) return;
            navigate(`/app/cases/${c.id}`);
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              {selection && (
                <Checkbox
                  aria-label={t('deskviews.bulk.select', { reference: c.reference })}
                  checked={selection.selected.has(c.id)}
                  onChange={() => selection.toggle(c.id)}
                  data-testid="queue-row-select"
                />
              )}
              <CaseLink caseId={c.id} reference={c.reference} />
            </Group>
            <StatusBadge status={c.status} />
          </Group>
          <UserLine>{c.subject}</UserLine>
          <Group gap={6} mt={4} wrap="wrap">
            <Text size="sm">
              <UserWords>{c.customer.name}</UserWords>
            </Text>
            <Text size="sm" c="dimmed">
              · {t(`channel.${c.channel}`)} · {c.owner ? <UserWords>{c.owner.name}</UserWords> : t('common.unassigned')}
            </Text>
          </Group>
          <Group gap={6} mt={4} wrap="wrap">
            {c.unansweredSince ? (
              <Text size="sm" fw={700} c="orange.8">
                {format.duration(minutesSince(c.unansweredSince))}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {format.relative(c.createdAt)}
              </Text>
            )}
            {c.priority !== 'normal' && (
              <Badge size="xs" variant="light" color={c.priority === 'low' ? 'gray' : 'orange'}>
                {t(`deskfind.priority.${c.priority}`)}
              </Badge>
            )}
            {c.openEscalation && (
              <Badge size="xs" color="red" variant="light">
                {t('queues.escalatedBadge')}
              </Badge>
            )}
            {c.hellFlagged && (
              <Badge size="xs" color="red" variant="filled">
                {t('queues.hellBadge')}
              </Badge>
            )}
            {c.tags.map((tag) => (
              <Badge key={tag} size="xs" variant="outline" dir="auto">
                {tag}
              </Badge>
            ))}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
