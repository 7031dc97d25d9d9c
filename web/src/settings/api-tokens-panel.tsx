import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiTokenView } from '@kept/contract/api-token-types.ts';
import { api } from '../api/kept-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';

function TokenRows({ tokens, onRevoke }: { tokens: ApiTokenView[]; onRevoke: (token: ApiTokenView) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (tokens.length === 0) return <Text c="dimmed">{t('apitokens.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table data-testid="token-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apitokens.name')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('apitokens.createdBy')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('apitokens.created')}</Table.Th>
            <Table.Th>{t('apitokens.lastUsed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} data-testid="token-row">
              <Table.Td dir="auto">{token.name}</Table.Td>
              <Table.Td dir="auto" visibleFrom="sm">
                {token.userName}
              </Table.Td>
              <Table.Td visibleFrom="sm">{format.dateTime(token.createdAt)}</Table.Td>
              <Table.Td>{token.lastUsedAt ? format.relative(token.lastUsedAt) : t('apitokens.neverUsed')}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  onClick={() => onRevoke(token)}
                  data-testid="token-revoke"
                >
                  {t('apitokens.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Create a token (its secret shown once), see every token with when it was last used, revoke one. */
export function ApiTokensPanel() {
  const { t } = useTranslation();
  const tokens = useApi(() => api.tokens(), []);
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
      tokens.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (target: ApiTokenView) => {
    if (!window.confirm(t('apitokens.confirmRevoke', { name: target.name }))) return;
    setError(null);
    try {
      await api.revokeToken(target.id);
      tokens.setData((tokens.data ?? []).filter((row) => row.id !== target.id));
      notifications.show({ color: 'green', message: t('apitokens.revoked', { name: target.name }) });
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="token-panel">
      <Stack gap="sm">
        <Title order={4}>{t('settings.tokens.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('apitokens.explain')}
        </Text>
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
        <ErrorAlert error={error ?? tokens.error} />
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
        {tokens.data && <TokenRows tokens={tokens.data} onRevoke={(row) => void revoke(row)} />}
      </Stack>
    </Paper>
  );
}
