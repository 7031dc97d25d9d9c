import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.ts';
import { teamApi, teamErrorText, type TeamView } from '../api/team-api.ts';

function TeamError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid="team-error">
      {teamErrorText(t, error)}
    </Alert>
  );
}

/** What a dialog is doing to which team. */
type Dialog = { kind: 'rename'; team: TeamView; name: string } | { kind: 'delete'; team: TeamView } | null;

/**
 * Settings → Teams. `teams` is owned by the settings page so the people and calendar panels see
 * a new team at once; `onChanged` asks it to load them again.
 */
export function TeamsPanel({
  teams,
  loadError,
  onChanged,
}: {
  teams: TeamView[] | undefined;
  loadError?: unknown;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [dialogError, setDialogError] = useState<unknown>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      await teamApi.create(name);
      setName('');
      onChanged();
      notifications.show({ color: 'teal', message: t('teams.created') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const closeDialog = () => {
    setDialog(null);
    setDialogError(null);
  };

  const confirmDialog = async () => {
    if (!dialog) return;
    setBusy(true);
    setDialogError(null);
    try {
      if (dialog.kind === 'rename') await teamApi.rename(dialog.team.id, dialog.name);
      else await teamApi.remove(dialog.team.id);
      notifications.show({ color: 'teal', message: t(dialog.kind === 'rename' ? 'teams.renamed' : 'teams.deleted') });
      closeDialog();
      onChanged();
    } catch (cause) {
      setDialogError(cause);
    } finally {
      setBusy(false);
    }
  };

  // People or own hours keep a team from being deleted (the API refuses with team.not_empty).
  const blocked = dialog?.kind === 'delete' && (dialog.team.memberCount > 0 || dialog.team.hasCalendar);

  return (
    <Paper withBorder p="md" data-testid="teams-panel">
      <Stack gap="sm">
        <Title order={4}>{t('teams.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('teams.hint')}
        </Text>
        <TeamError error={loadError} />
        {teams && teams.length > 0 && (
          // On a phone the table scrolls sideways inside its card instead of widening the page.
          <Table.ScrollContainer minWidth={520}>
            <Table striped data-testid="teams-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('teams.name')}</Table.Th>
                  <Table.Th>{t('teams.members')}</Table.Th>
                  <Table.Th>{t('teams.ownHours')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.map((team) => (
                  <Table.Tr key={team.id} data-testid="team-row">
                    <Table.Td>
                      <Text fw={500} dir="auto">
                        {team.name}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="team-members">{format.number(team.memberCount)}</Table.Td>
                    <Table.Td>
                      <Badge color={team.hasCalendar ? 'teal' : 'gray'} variant="light">
                        {team.hasCalendar ? t('common.yes') : t('common.no')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setDialog({ kind: 'rename', team, name: team.name })}
                          data-testid="team-rename"
                        >
                          {t('teams.rename')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setDialog({ kind: 'delete', team })}
                          data-testid="team-delete"
                        >
                          {t('teams.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {teams && teams.length === 0 && (
          <Text c="dimmed" data-testid="teams-empty">
            {t('teams.empty')}
          </Text>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('teams.newName')}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && name.trim()) void create();
            }}
            data-testid="team-name"
          />
          <Button
            onClick={() => void create()}
            disabled={!name.trim()}
            loading={busy && !dialog}
            data-testid="team-create"
          >
            {t('teams.create')}
          </Button>
        </Group>
        <TeamError error={error} />
      </Stack>

      <Modal
        opened={dialog !== null}
        onClose={closeDialog}
        title={
          dialog
            ? t(dialog.kind === 'rename' ? 'teams.renameTitle' : 'teams.deleteTitle', { name: dialog.team.name })
            : ''
        }
        data-testid="team-dialog"
      >
        <Stack gap="sm">
          {dialog?.kind === 'rename' && (
            <TextInput
              label={t('teams.name')}
              value={dialog.name}
              maxLength={80}
              onChange={(e) => setDialog({ ...dialog, name: e.currentTarget.value })}
              data-autofocus
              data-testid="team-rename-name"
            />
          )}
          {dialog?.kind === 'delete' && (
            <Text size="sm" data-testid="team-delete-text">
              {blocked ? t('teams.deleteBlocked', { count: dialog.team.memberCount }) : t('teams.deleteConfirm')}
            </Text>
          )}
          <TeamError error={dialogError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={closeDialog}>
              {t('common.cancel')}
            </Button>
            <Button
              color={dialog?.kind === 'delete' ? 'red' : undefined}
              loading={busy}
              disabled={dialog?.kind === 'rename' ? !dialog.name.trim() : blocked}
              onClick={() => void confirmDialog()}
              data-testid="team-confirm"
            >
              {dialog?.kind === 'delete' ? t('teams.delete') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
