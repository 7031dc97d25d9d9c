import { useMemo, useState } from 'react';
import { Anchor, Badge, Box, Button, Group, List, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmailAttachmentView, MessageView } from '@kept/contract/api-types.ts';
import { directionOf } from '../i18n/i18n.ts';
import { buildEmailSrcDoc, countRemoteImages } from './email-srcdoc.ts';
import { styleNonce } from '../common/style-nonce.ts';

/** True when a message has e-mail parts beyond its plain body (then EmailMessageParts shows it). */
export function hasEmailParts(m: MessageView): boolean {
  return !!m.quotedText || !!m.htmlBody || (m.attachments?.length ?? 0) > 0;
}

const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function formatSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

function AttachmentRow({ attachment }: { attachment: EmailAttachmentView }) {
  const { t, i18n } = useTranslation();
  const type = attachment.detectedType ?? attachment.declaredType;
  const reasons = attachment.dangerReasons.map((r) =>
    t(`email.dangerReason.${r}`, { defaultValue: t('email.dangerReason.unknown') }),
  );
  const why = [t('email.dangerIntro'), ...reasons].join(' ');
  return (
    <Group gap="xs" wrap="wrap" data-testid="email-attachment" data-dangerous={attachment.dangerous}>
      {/* File names are the sender's text: isolated so an RTL override cannot reorder the row. */}
      <Text
        size="sm"
        fw={500}
        dir="auto"
        component="bdi"
        style={{ overflowWrap: 'anywhere' }}
        data-testid="email-attachment-name"
      >
        {attachment.originalFilename}
      </Text>
      {/* The sender's name held a path, hidden or control characters, or ran too long: say what the file is saved as. */}
      {attachment.filename !== attachment.originalFilename && (
        <Text size="xs" c="dimmed" data-testid="email-attachment-saved-as">
          {t('email.savedAs')}{' '}
          <Text span dir="auto" component="bdi" inherit style={{ overflowWrap: 'anywhere' }}>
            {attachment.filename}
          </Text>
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {formatSize(attachment.size, i18n.language)}
      </Text>
      <Text size="xs" c="dimmed" dir="ltr" component="bdi" data-testid="email-attachment-type">
        {type}
      </Text>
      {attachment.dangerous && (
        <Tooltip label={why} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Badge
            color="red"
            variant="filled"
            size="sm"
            tabIndex={0}
            aria-label={`${t('email.dangerous')}: ${why}`}
            data-testid="email-attachment-dangerous"
          >
            {t('email.dangerous')}
          </Badge>
        </Tooltip>
      )}
      {attachment.downloadable ? (
        <Anchor
          size="sm"
          href={`/api/v1/email/attachments/${encodeURIComponent(attachment.id)}`}
          download={attachment.filename}
          data-testid="email-attachment-download"
        >
          {t('email.download')}
        </Anchor>
      ) : (
        <Text size="xs" c="dimmed">
          {t('email.notStored')}
        </Text>
      )}
    </Group>
  );
}

function FormattedEmail({ html, language, sender }: { html: string; language: string | null; sender: string }) {
  const { t } = useTranslation();
  const [loadRemote, setLoadRemote] = useState(false);
  const remoteCount = useMemo(() => countRemoteImages(html), [html]);
  const srcDoc = useMemo(
    () =>
      buildEmailSrcDoc(html, {
        dir: language ? directionOf(language) : 'auto',
        lang: language,
        loadRemoteImages: loadRemote,
        styleNonce: styleNonce(),
      }),
    [html, language, loadRemote],
  );
  return (
    <Stack gap={6}>
      {remoteCount > 0 && (
        <Group gap="xs" data-testid="email-remote-images">
          <Text size="xs" c="dimmed">
            {loadRemote ? t('email.remoteImagesLoaded') : t('email.remoteImagesBlocked', { count: remoteCount })}
          </Text>
          {!loadRemote && (
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setLoadRemote(true)}
              data-testid="email-load-remote-images"
            >
              {t('email.loadRemoteImages')}
            </Button>
          )}
        </Group>
      )}
      {/* sandbox="" is the point: no scripts, no same-origin, no forms, popups or top navigation. */}
      <iframe
        sandbox=""
        srcDoc={srcDoc}
        title={t('email.formattedTitle', { name: sender })}
        data-testid="email-html-frame"
        referrerPolicy="no-referrer"
        style={{
          width: '100%',
          height: 360,
          border: '1px solid var(--mantine-color-gray-4)',
          borderRadius: 4,
          background: '#fff',
          resize: 'vertical',
        }}
      />
    </Stack>
  );
}

/** An e-mail in the timeline: the new part first, then the folded history, the formatted view and attachments. */
export function EmailMessageParts({ message }: { message: MessageView }) {
  const { t } = useTranslation();
  const [showQuoted, setShowQuoted] = useState(false);
  const [showHtml, setShowHtml] = useState(false);
  const attachments = message.attachments ?? [];
  return (
    <Stack gap={6} data-testid="email-parts">
      <Text size="sm" dir="auto" style={TEXT_STYLE} data-testid="timeline-body">
        {message.body}
      </Text>
      <Group gap="xs">
        {message.quotedText && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setShowQuoted((v) => !v)}
            aria-expanded={showQuoted}
            data-testid="email-toggle-quoted"
          >
            {showQuoted ? t('email.hideQuoted') : t('email.showQuoted')}
          </Button>
        )}
        {message.htmlBody && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setShowHtml((v) => !v)}
            aria-expanded={showHtml}
            data-testid="email-toggle-html"
          >
            {showHtml ? t('email.hideFormatted') : t('email.showFormatted')}
          </Button>
        )}
      </Group>
      {/* Rendered only when asked for, so the history never crowds out the new part. */}
      {showQuoted && message.quotedText && (
        <Paper withBorder p="xs" bg="gray.1" data-testid="email-quoted">
          <Text size="sm" c="dimmed" dir="auto" style={TEXT_STYLE}>
            {message.quotedText}
          </Text>
        </Paper>
      )}
      {showHtml && message.htmlBody && (
        <FormattedEmail html={message.htmlBody} language={message.language} sender={message.author.name} />
      )}
      {attachments.length > 0 && (
        <Box component="section" aria-label={t('email.attachments')} data-testid="email-attachments">
          <Text size="xs" fw={600} c="dimmed" mb={2}>
            {t('email.attachments')}
          </Text>
          <List listStyleType="none" spacing={4} p={0} m={0}>
            {attachments.map((a) => (
              <List.Item key={a.id}>
                <AttachmentRow attachment={a} />
              </List.Item>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}
