import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mailApi } from '../api/mail-api.ts';
import { useApi } from '../common/use-api.ts';

/**
 * The development mail sink is a tool for whoever sets Kept up, not a place agents work: it is
 * offered here, in Settings → E-mail, and only while no outgoing server is set (mail goes there).
 */
export function MailSinkCard() {
  const { t } = useTranslation();
  const { data } = useApi(() => mailApi.settings(), []);
  if (!data?.usesDevelopmentSink) return null;
  return (
    <Paper withBorder p="md" data-testid="mail-sink-card">
      <Stack gap={4}>
        <Title order={4}>{t('mailout.sink.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('mailout.sink.help')}
        </Text>
        <Anchor component={Link} to="/app/mail-sink" data-testid="open-mail-sink">
          {t('deskpolish.settings.openSink')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
