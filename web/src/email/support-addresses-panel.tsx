import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { mailApi } from '../api/mail-api.ts';

/** The addresses customers write to; replies go out with a per-case plus-address of the first. */
export function SupportAddressesPanel() {
  const { t } = useTranslation();
  const list = useApi(() => mailApi.addresses(), []);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      list.reload();
    } catch (cause) {
      setError(cause);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="support-addresses-panel">
      <Stack gap="sm">
        <Title order={4}>{t('mailout.addresses.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('mailout.addresses.help')}
        </Text>
        {list.data && list.data.length === 0 && <Text c="dimmed">{t('mailout.addresses.none')}</Text>}
        {list.data && list.data.length > 0 && (
          <Table>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td dir="ltr">{a.address}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => void run(() => mailApi.removeAddress(a.id))}
                    >
                      {t('mailout.mailboxes.remove')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('mailout.addresses.address')}
            dir="ltr"
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
          />
          <Button
            disabled={!address.includes('@')}
            onClick={() => void run(async () => (await mailApi.addAddress(address.trim()), setAddress('')))}
          >
            {t('mailout.addresses.add')}
          </Button>
        </Group>
        <ErrorAlert error={error ?? list.error} />
      </Stack>
    </Paper>
  );
}
