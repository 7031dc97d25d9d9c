import { useEffect, useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../api/kept-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { UsersPanel } from './users-panel.tsx';
import { WorkspaceSettingsForm } from './workspace-settings-form.tsx';
import { BusinessCalendarPanel } from './business-calendar-panel.tsx';
import { EmailSettingsSection } from '../email/email-settings-section.tsx';
import { useApi } from '../common/use-api.ts';
import { teamApi } from '../api/team-api.ts';
import { TeamsPanel } from '../teams/teams-panel.tsx';
import { MailSinkCard } from '../email/mail-sink-card.tsx';
import { SettingsSectionTabs, sectionLabelKey, settingsSection } from './settings-sections.tsx';
import { CannedRepliesPanel } from './canned-replies-panel.tsx';

function TokenPanel() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [token, setToken] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setToken((await api.createToken(name.trim())).token);
      setName('');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="token-panel">
      <Stack gap="sm">
        <Title order={4}>{t('settings.tokens.title')}</Title>
        <Group align="flex-end">
          <TextInput
            label={t('settings.tokens.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="token-name"
          />
          <Button onClick={() => void create()} disabled={!name.trim()} loading={busy} data-testid="token-create">
            {t('settings.tokens.create')}
          </Button>
        </Group>
        <ErrorAlert error={error} />
        {token && (
          <Alert color="yellow" title={t('settings.tokens.shownOnce')}>
            <Group gap="xs" wrap="nowrap">
              <Code dir="ltr" data-testid="token-value" style={{ overflowWrap: 'anywhere' }}>
                {token}
              </Code>
              <CopyButton value={token}>
                {({ copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {t('settings.tokens.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  const navigate = useNavigate();
  const { section: requested } = useParams();
  const section = settingsSection(requested, isAdmin);
  useEffect(() => {
    document.title = `${t(sectionLabelKey(section))} · ${t('settings.title')} · ${t('app.name')}`;
  }, [t, section]);
  // One list of teams for the panels that show them, so a new team is offered everywhere at once.
  const teams = useApi(() => (isAdmin ? teamApi.list() : Promise.resolve([])), [isAdmin]);
  if (requested !== section) return <Navigate to={`/app/settings/${section}`} replace />;
  if (!isAdmin)
    return (
      <Stack gap="md" data-testid="settings-page" data-section={section}>
        <Title order={2}>{t('settings.title')}</Title>
        <CannedRepliesPanel />
      </Stack>
    );
  return (
    <Stack gap="md" data-testid="settings-page" data-section={section}>
      <Title order={2}>{t('settings.title')}</Title>
      <SettingsSectionTabs section={section} onChange={(next) => navigate(`/app/settings/${next}`)} />
      {section === 'replies' && <CannedRepliesPanel />}
      {section === 'people' && (
        <>
          <UsersPanel teams={teams.data} onTeamsChanged={teams.reload} />
          <TeamsPanel teams={teams.data} loadError={teams.error} onChanged={teams.reload} />
        </>
      )}
      {section === 'desk' && <WorkspaceSettingsForm />}
      {section === 'hours' && <BusinessCalendarPanel teams={teams.data} onTeamsChanged={teams.reload} />}
      {section === 'email' && (
        <>
          <MailSinkCard />
          <EmailSettingsSection />
        </>
      )}
      {section === 'api' && <TokenPanel />}
    </Stack>
  );
}
