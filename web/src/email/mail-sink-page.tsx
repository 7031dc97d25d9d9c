import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SinkMessageView } from '@kept/contract/email-outbound-types.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { mailApi } from '../api/mail-api.ts';

/** Staff see what Kept "sent" while no outgoing server is set: headers, text, and the HTML, inert. */
export function MailSinkPage({ load = mailApi.sink }: { load?: () => Promise<SinkMessageView[]> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, reload } = useApi(load, []);
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${t('mailout.sink.title')} · ${t('app.name')}`;
  }, [t]);
  const open = data?.find((m) => m.id === openId) ?? null;
  return (
    <Stack gap="md" data-testid="mail-sink-page">
      <Group justify="space-between">
        <Title order={2}>{t('mailout.sink.title')}</Title>
        <Button variant="default" size="xs" onClick={reload}>
          {t('mailout.sink.refresh')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('mailout.sink.help')}
      </Text>
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.length === 0 && <Text c="dimmed">{t('mailout.sink.empty')}</Text>}
      {data && data.length > 0 && (
        <Paper withBorder>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mailout.sink.sentAt')}</Table.Th>
                <Table.Th>{t('mailout.sink.to')}</Table.Th>
                <Table.Th>{t('mailout.sink.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((m) => (
                <Table.Tr
                  key={m.id}
                  bg={m.id === openId ? 'var(--mantine-color-teal-light)' : undefined}
                  data-testid="sink-row"
                >
                  <Table.Td>{format.dateTime(m.createdAt)}</Table.Td>
                  <Table.Td dir="ltr">{m.to}</Table.Td>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setOpenId(m.id === openId ? null : m.id)}
                      dir="auto"
                      data-testid="sink-open"
                    >
                      {m.subject}
                    </UnstyledButton>{' '}
                    {m.headers['Auto-Submitted'] && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('mailout.sink.autoReply')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {open && <SinkMessage message={open} />}
    </Stack>
  );
}

function SinkMessage({ message }: { message: SinkMessageView }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid="sink-message">
      <Stack gap="xs">
        <Title order={4} dir="auto">
          {message.subject}
        </Title>
        <Tabs defaultValue={message.html ? 'html' : 'text'} keepMounted={false}>
          <Tabs.List>
            {message.html && <Tabs.Tab value="html">{t('mailout.sink.html')}</Tabs.Tab>}
            <Tabs.Tab value="text">{t('mailout.sink.text')}</Tabs.Tab>
            <Tabs.Tab value="headers">{t('mailout.sink.headers')}</Tabs.Tab>
          </Tabs.List>
          {message.html && (
            <Tabs.Panel value="html" pt="sm">
              {/* sandbox with no permissions: no scripts, no forms, no navigation of the app */}
              <iframe
                title={message.subject}
                sandbox=""
                srcDoc={message.html}
                style={{
                  width: '100%',
                  height: 420,
                  border: '1px solid var(--mantine-color-gray-3)',
                  background: 'white',
                }}
                data-testid="sink-html"
              />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="text" pt="sm">
            <Code block dir="auto" data-testid="sink-text" style={{ whiteSpace: 'pre-wrap' }}>
              {message.text}
            </Code>
          </Tabs.Panel>
          <Tabs.Panel value="headers" pt="sm">
            <ScrollArea>
              <Table dir="ltr" data-testid="sink-headers" fz="xs">
                <Table.Tbody>
                  {Object.entries(message.headers).map(([name, value]) => (
                    <Table.Tr key={name}>
                      <Table.Td fw={600} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                        {name}
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
