import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView, TimelineItem } from '@kept/contract/api-types.ts';
import { LOGGED_CHANNELS } from '@kept/contract/domain-words.ts';
import { useFormat } from '../i18n/use-format.ts';
import { EmailMessageParts, hasEmailParts } from './email-message-parts.tsx';
import { arrangeTimeline, type TimelinePreferences } from './timeline-preferences.ts';
import { actorIsNamed, describeEvent, eventTone, isDuplicateOfMessage, type EventTone } from './describe-event.ts';

const LOGGED = new Set<string>(LOGGED_CHANNELS);

const TONE_COLORS: Record<EventTone, string> = {
  handoff: 'violet',
  promise: 'blue',
  escalation: 'red',
  ack: 'teal',
  status: 'gray',
  hell: 'red',
  task: 'cyan',
  other: 'gray',
};

function messageHeading(t: ReturnType<typeof useTranslation>['t'], m: MessageView): string {
  const channel = t(`channel.${m.channel}`);
  const name = m.author.kind === 'system' ? t('common.system') : m.author.name;
  if (m.internal) return t('timeline.note', { name });
  if (m.author.kind === 'system') return t('timeline.systemMessage', { channel });
  if (LOGGED.has(m.channel) && m.author.kind === 'user') {
    return t(m.direction === 'inbound' ? 'timeline.loggedInbound' : 'timeline.loggedOutbound', { channel, name });
  }
  return t(m.direction === 'inbound' ? 'timeline.customerMessage' : 'timeline.reply', { name, channel });
}

function MessageItem({
  item,
  message,
  showCase,
}: {
  item: TimelineItem;
  message: MessageView;
  showCase?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = message.internal ? 'note' : message.direction === 'inbound' ? 'inbound' : 'outbound';
  const styles = {
    note: { bg: 'yellow.0', border: 'var(--mantine-color-yellow-6)', borderStyle: 'dashed' },
    inbound: { bg: 'gray.0', border: 'var(--mantine-color-gray-5)', borderStyle: 'solid' },
    outbound: { bg: 'teal.0', border: 'var(--mantine-color-teal-6)', borderStyle: 'solid' },
  }[kind];
  return (
    <Paper
      p="sm"
      bg={styles.bg}
      data-testid="timeline-item"
      data-kind={`message-${kind}`}
      data-channel={message.channel}
      style={{ borderInlineStart: `4px ${styles.borderStyle} ${styles.border}` }}
    >
      <Group justify="space-between" gap="xs" mb={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {messageHeading(t, message)}
          </Text>
          {message.internal && (
            <Badge size="xs" color="yellow" variant="filled" data-testid="internal-note-badge">
              {t('timeline.noteBadge')}
            </Badge>
          )}
          {showCase && (
            <Badge size="xs" variant="outline" dir="ltr">
              {showCase}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" component="time" dateTime={item.at}>
          {format.dateTime(item.at)}
        </Text>
      </Group>
      {hasEmailParts(message) ? (
        <EmailMessageParts message={message} />
      ) : (
        <Text
          size="sm"
          dir="auto"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="timeline-body"
        >
          {message.body}
        </Text>
      )}
    </Paper>
  );
}

function EventItem({
  item,
  userName,
  showCase,
}: {
  item: TimelineItem;
  userName: (id: string) => string;
  showCase?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const tone = eventTone(item.eventType);
  return (
    <Box
      px="sm"
      py={6}
      data-testid="timeline-item"
      data-kind="event"
      data-event-type={item.eventType}
      style={{ borderInlineStart: `4px solid var(--mantine-color-${TONE_COLORS[tone]}-4)` }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text
          size="sm"
          c={tone === 'escalation' || tone === 'hell' ? 'red.8' : undefined}
          style={{ overflowWrap: 'anywhere' }}
        >
          {describeEvent(t, format, item, userName)}
          {item.actor && !actorIsNamed(item) && (
            <Text span size="xs" c="dimmed" ms={6}>
              {t('timeline.by', { name: item.actor.name })}
            </Text>
          )}
          {showCase && (
            <Badge size="xs" variant="outline" ms={6} dir="ltr">
              {showCase}
            </Badge>
          )}
        </Text>
        <Text size="xs" c="dimmed" component="time" dateTime={item.at} style={{ whiteSpace: 'nowrap' }}>
          {format.dateTime(item.at)}
        </Text>
      </Group>
    </Box>
  );
}

interface Props {
  items: TimelineItem[];
  userName: (id: string) => string;
  /** On the customer's cross-case timeline, each item shows its case reference. */
  caseReference?: (caseId: string | null) => string | null;
  title?: string;
  /** Newest first and system events hidden, as the reader chose (the case page's toolbar). */
  preferences?: TimelinePreferences;
  toolbar?: ReactNode;
}

export function CaseTimeline({ items, userName, caseReference, title, preferences, toolbar }: Props) {
  const { t } = useTranslation();
  const messageIds = new Set(items.flatMap((i) => (i.message ? [i.message.id] : [])));
  const ordered = items.filter((i) => !isDuplicateOfMessage(i, messageIds)).sort((a, b) => a.at.localeCompare(b.at));
  const visible = preferences ? arrangeTimeline(ordered, preferences) : ordered;
  const hidden = ordered.length - visible.length;
  return (
    <Stack gap="xs" component="section" aria-label={t('timeline.aria')} data-testid="timeline">
      <Group justify="space-between" gap="xs">
        <Title order={4}>{title ?? t('timeline.title')}</Title>
        {toolbar}
      </Group>
      {hidden > 0 && (
        <Text size="xs" c="dimmed" data-testid="timeline-hidden-count">
          {t('answering.hiddenCount', { count: hidden })}
        </Text>
      )}
      {visible.length === 0 && <Text c="dimmed">{t('timeline.empty')}</Text>}
      {visible.map((item, index) => {
        const ref = caseReference ? caseReference(item.caseId) : null;
        return item.kind === 'message' && item.message ? (
          <MessageItem key={`m-${item.message.id}`} item={item} message={item.message} showCase={ref} />
        ) : (
          <EventItem key={`e-${index}-${item.at}`} item={item} userName={userName} showCase={ref} />
        );
      })}
    </Stack>
  );
}
