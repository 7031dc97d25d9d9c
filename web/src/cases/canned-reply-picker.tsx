import { useState } from 'react';
import { Anchor, Badge, Button, Group, Loader, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseCannedRepliesResponse, FilledCannedReply } from '@kept/contract/canned-reply-types.ts';
import { cannedReplyApi } from '../api/canned-reply-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

/**
 * The composer's "Insert a reply": the canned replies filled in for this case by the server
 * (name, reference, quoted time), loaded when the menu first opens, the customer's language first.
 */
export function CannedReplyPicker({ caseId, onInsert }: { caseId: string; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<CaseCannedRepliesResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () => {
    setError(null);
    cannedReplyApi.forCase(caseId).then(setLoaded, setError);
  };
  const insert = (reply: FilledCannedReply) => {
    onInsert(reply.text);
    if (reply.missing.length > 0) {
      const names = reply.missing.map((m) => t(`answering.replies.placeholders.${m}`)).join(', ');
      notifications.show({ color: 'yellow', message: t('answering.replies.missing', { names }) });
    }
  };
  return (
    <Menu position="top-start" width={320} onOpen={load} withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" data-testid="canned-reply-picker">
          {t('answering.replies.insert')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown data-testid="canned-reply-menu" mah={320} style={{ overflowY: 'auto' }}>
        {!loaded && !error && <Loader size="xs" m="xs" />}
        {error !== null && <ErrorAlert error={error} />}
        {loaded?.replies.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            {t('answering.replies.none')}
          </Text>
        )}
        {loaded?.replies.map((r) => (
          <Menu.Item key={r.id} onClick={() => insert(r)} data-testid="canned-reply-option">
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" dir="auto" truncate>
                {r.title}
              </Text>
              <Badge size="xs" variant="light" color={r.language === loaded.language ? 'teal' : 'gray'}>
                {r.language}
              </Badge>
            </Group>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Anchor component={Link} to="/app/settings/replies" size="xs" p="xs" display="block">
          {t('answering.replies.manage')}
        </Anchor>
      </Menu.Dropdown>
    </Menu>
  );
}
