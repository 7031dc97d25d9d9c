import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { cannedReplyApi, type CannedReplyInput, type CannedReplyView } from '../api/canned-reply-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { UserLine } from '../common/user-text.tsx';
import { LANGUAGES } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';

const PLACEHOLDERS = ['customer_name', 'case_reference', 'quoted_time', 'agent_name'] as const;

type Editing = { id: string | null; input: CannedReplyInput } | null;

/** Settings → Canned replies: the shared ones (supervisors and admins change them) and one's own. */
export function CannedRepliesPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { isSupervisor } = useSession();
  const replies = useApi(() => cannedReplyApi.list(), []);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const blank = (): CannedReplyInput => ({ title: '', body: '', language: i18n.language, shared: false });
  const edit = (r: CannedReplyView) =>
    setEditing({ id: r.id, input: { title: r.title, body: r.body, language: r.language, shared: r.shared } });
  const save = async () => {
    if (!editing) return;
    setBusy(true);
    setError(null);
    try {
      if (editing.id) await cannedReplyApi.update(editing.id, editing.input);
      else await cannedReplyApi.create(editing.input);
      notifications.show({ color: 'teal', message: t('answering.replies.saved') });
      setEditing(null);
      replies.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (r: CannedReplyView) => {
    setError(null);
    try {
      await cannedReplyApi.remove(r.id);
      replies.reload();
    } catch (cause) {
      setError(cause);
    }
  };
  const set = (patch: Partial<CannedReplyInput>) =>
    editing && setEditing({ ...editing, input: { ...editing.input, ...patch } });
  return (
    <Paper withBorder p="md" data-testid="canned-replies-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('answering.replies.title')}</Title>
          <Button size="xs" onClick={() => setEditing({ id: null, input: blank() })} data-testid="canned-reply-new">
            {t('answering.replies.new')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('answering.replies.hint')}
        </Text>
        <ErrorAlert error={replies.error ?? (editing ? null : error)} onRetry={replies.reload} />
        {replies.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('answering.replies.empty')}
          </Text>
        )}
        {replies.data && replies.data.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" data-testid="canned-reply-table">
              <Table.Tbody>
                {replies.data.map((r) => (
                  <Table.Tr key={r.id} data-testid="canned-reply-row">
                    <Table.Td maw={360}>
                      <UserLine>{r.title}</UserLine>
                      <Text size="xs" c="dimmed" lineClamp={1} dir="auto">
                        {r.body}
                      </Text>
                    </Table.Td>
                    <Table.Td>{format.languageName(r.language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.shared ? 'teal' : 'gray'} miw="max-content">
                        {t(r.shared ? 'answering.replies.shared' : 'answering.replies.personal')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.editable && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => edit(r)} data-testid="canned-reply-edit">
                            {t('answering.replies.edit')}
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => void remove(r)}>
                            {t('answering.replies.delete')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && (
        <Modal
          opened
          onClose={() => setEditing(null)}
          title={t(editing.id ? 'answering.replies.edit' : 'answering.replies.new')}
          size="lg"
        >
          <Stack gap="sm">
            <TextInput
              label={t('answering.replies.name')}
              value={editing.input.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              dir="auto"
              required
              data-testid="canned-reply-title"
            />
            <NativeSelect
              label={t('answering.replies.language')}
              value={editing.input.language}
              onChange={(e) => set({ language: e.currentTarget.value })}
              data={LANGUAGES.map((l) => ({ value: l, label: format.languageName(l) }))}
              data-testid="canned-reply-language"
            />
            <Textarea
              label={t('answering.replies.body')}
              description={t('answering.replies.placeholdersHint')}
              value={editing.input.body}
              onChange={(e) => set({ body: e.currentTarget.value })}
              autosize
              minRows={4}
              dir="auto"
              required
              data-testid="canned-reply-body"
            />
            <Group gap="xs">
              {PLACEHOLDERS.map((p) => (
                <Button
                  key={p}
                  size="compact-xs"
                  variant="light"
                  onClick={() => set({ body: `${editing.input.body}{{${p}}}` })}
                  data-testid={`canned-reply-insert-${p}`}
                >
                  {t(`answering.replies.placeholders.${p}`)}
                </Button>
              ))}
            </Group>
            {isSupervisor && (
              <Checkbox
                label={t('answering.replies.shareWithTeam')}
                checked={editing.input.shared}
                onChange={(e) => set({ shared: e.currentTarget.checked })}
                data-testid="canned-reply-shared"
              />
            )}
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => void save()}
                loading={busy}
                disabled={!editing.input.title.trim() || !editing.input.body.trim()}
                data-testid="canned-reply-save"
              >
                {t('answering.replies.save')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Paper>
  );
}
