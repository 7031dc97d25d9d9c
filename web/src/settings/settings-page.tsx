import { useEffect } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/session-context.tsx';
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
import { ApiTokensPanel } from './api-tokens-panel.tsx';

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
      {section === 'api' && <ApiTokensPanel />}
    </Stack>
  );
}
