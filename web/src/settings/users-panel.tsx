import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '@kept/contract/api-types.ts';
import { ROLES } from '@kept/contract/domain-words.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { LANGUAGES } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { teamApi, teamErrorText, type TeamView } from '../api/team-api.ts';

const EMPTY = { name: '', email: '', password: '', role: 'agent' as Role, languages: ['en'], capacity: 20, teamId: '' };
/** NativeSelect needs a string value; '' stands for "no team". */
const NO_TEAM = '';

/** `teams` comes from the settings page; `onTeamsChanged` tells it member counts moved. */
export function UsersPanel({ teams, onTeamsChanged }: { teams?: TeamView[]; onTeamsChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useApi(() => api.users(), []);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [teamError, setTeamError] = useState<unknown>(null);
  const teamOptions = [
    { value: NO_TEAM, label: t('teams.none') },
    ...(teams ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];

  const changeTeam = async (userId: string, teamId: string) => {
    setTeamError(null);
    try {
      const updated = await teamApi.setUserTeam(userId, teamId === NO_TEAM ? null : teamId);
      users.setData((users.data ?? []).map((u) => (u.id === userId ? { ...u, teamId: updated.teamId } : u)));
      onTeamsChanged?.();
    } catch (cause) {
      setTeamError(cause);
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.addUser({ ...form, teamId: form.teamId || null });
      setForm(EMPTY);
      users.reload();
      if (form.teamId) onTeamsChanged?.();
      notifications.show({ color: 'teal', message: t('settings.users.added') });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="users-panel">
      <Stack gap="sm">
        <Title order={4}>{t('settings.users.title')}</Title>
        <ErrorAlert error={users.error} onRetry={users.reload} />
        <Table.ScrollContainer minWidth={780}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.users.name')}</Table.Th>
                <Table.Th>{t('settings.users.email')}</Table.Th>
                <Table.Th>{t('settings.users.role')}</Table.Th>
                <Table.Th>{t('settings.users.languages')}</Table.Th>
                <Table.Th>{t('teams.team')}</Table.Th>
                <Table.Th>{t('settings.users.capacity')}</Table.Th>
                <Table.Th>{t('settings.users.openCases')}</Table.Th>
                <Table.Th>{t('settings.users.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data ?? []).map((u) => (
                <Table.Tr key={u.id} data-testid="user-row">
                  <Table.Td>
                    <bdi>{u.name}</bdi>
                  </Table.Td>
                  <Table.Td dir="ltr">{u.email}</Table.Td>
                  <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                  <Table.Td>{u.languages.map((l) => format.languageName(l)).join(', ')}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      miw={160}
                      aria-label={t('teams.teamOf', { name: u.name })}
                      value={u.teamId ?? NO_TEAM}
                      onChange={(e) => void changeTeam(u.id, e.currentTarget.value)}
                      data={teamOptions}
                      data-testid="user-team"
                    />
                  </Table.Td>
                  <Table.Td>{format.number(u.capacity)}</Table.Td>
                  <Table.Td>{format.number(u.openCases ?? null)}</Table.Td>
                  <Table.Td miw={72}>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light">
                      {u.active ? t('common.yes') : t('common.no')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {teamError ? (
          <Alert color="red" role="alert" data-testid="user-team-error">
            {teamErrorText(t, teamError)}
          </Alert>
        ) : null}
        {users.data && users.data.length === 0 && <Text c="dimmed">{t('settings.users.empty')}</Text>}
        <Title order={5}>{t('settings.users.add')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            required
            label={t('settings.users.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            data-testid="user-name"
          />
          <TextInput
            required
            type="email"
            label={t('settings.users.email')}
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            data-testid="user-email"
          />
          <PasswordInput
            required
            label={t('settings.users.password')}
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            data-testid="user-password"
          />
          <NativeSelect
            label={t('settings.users.role')}
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            data-testid="user-role"
          />
          <MultiSelect
            label={t('settings.users.languages')}
            value={form.languages}
            onChange={(languages) => setForm({ ...form, languages })}
            data={LANGUAGES.map((l) => ({ value: l, label: format.languageName(l) }))}
            data-testid="user-languages"
          />
          <NumberInput
            label={t('settings.users.capacity')}
            min={0}
            max={500}
            value={form.capacity}
            onChange={(v) => setForm({ ...form, capacity: typeof v === 'number' ? v : Number(v) || 0 })}
            data-testid="user-capacity"
          />
          <NativeSelect
            label={t('teams.team')}
            value={form.teamId}
            onChange={(e) => setForm({ ...form, teamId: e.currentTarget.value })}
            data={teamOptions}
            data-testid="user-new-team"
          />
        </SimpleGrid>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={!form.name || !form.email || !form.password}
            data-testid="user-add"
          >
            {t('settings.users.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
