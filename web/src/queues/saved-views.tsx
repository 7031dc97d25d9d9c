// Saved views beside the queues (issue 16): each a named set of the finder's filters, with the
// count of cases it holds, kept current by the live reload; opening one puts its filters in the address.
import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  NavLink,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { savedViewApi, type SavedViewView } from '../api/saved-view-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { useLiveReload } from '../common/use-live-reload.ts';
import { useFormat } from '../i18n/use-format.ts';

// The address says `owner`, the case list's query `ownerId`; everything else is spelt alike.
const ADDRESS_TO_QUERY: Record<string, string> = { owner: 'ownerId' };
const QUERY_TO_ADDRESS: Record<string, string> = { ownerId: 'owner' };

/** The case list's query for the queue and filters on screen (the unanswered tab lists open cases). */
export function filtersOfAddress(view: string | undefined, params: URLSearchParams): Record<string, string> {
  const filters: Record<string, string> = { view: !view || view === 'unanswered' ? 'open' : view };
  for (const [key, value] of params) if (value) filters[ADDRESS_TO_QUERY[key] ?? key] = value;
  return filters;
}

/** Where a saved view opens: its queue's tab, its filters in the address. */
export function addressOfFilters(filters: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (key !== 'view') params.set(QUERY_TO_ADDRESS[key] ?? key, value);
  const view = filters.view === undefined || filters.view === 'all' ? 'open' : filters.view;
  const search = params.toString();
  return `/app/queues/${view}${search ? `?${search}` : ''}`;
}

function ViewLink({ view, onRename, onDelete }: { view: SavedViewView; onRename: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const count = view.more ? t('deskviews.countMore', { n: format.number(view.count) }) : format.number(view.count);
  return (
    <Group gap={2} wrap="nowrap" data-testid="saved-view">
      <NavLink
        label={<span dir="auto">{view.name}</span>}
        description={view.shared ? t('deskviews.shared') : undefined}
        rightSection={
          <Badge variant="light" data-testid="saved-view-count">
            {count}
          </Badge>
        }
        onClick={() => navigate(addressOfFilters(view.filters))}
        style={{ flex: 1 }}
      />
      {view.editable && (
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('deskviews.actions', { name: view.name })}>
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onRename}>{t('deskviews.rename')}</Menu.Item>
            <Menu.Item color="red" onClick={onDelete}>
              {t('deskviews.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

type Editing = { kind: 'create' } | { kind: 'rename'; view: SavedViewView } | null;

export function SavedViews() {
  const { t } = useTranslation();
  const { isSupervisor } = useSession();
  const { view } = useParams();
  const [params] = useSearchParams();
  const views = useApi(() => savedViewApi.list(), []);
  useLiveReload(views.reload);
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const open = (next: Editing) => {
    setEditing(next);
    setName(next?.kind === 'rename' ? next.view.name : '');
    setShared(false);
    setError(null);
  };
  const save = async () => {
    setBusy(true);
    try {
      if (editing?.kind === 'rename') await savedViewApi.rename(editing.view.id, name);
      else await savedViewApi.create({ name, filters: filtersOfAddress(view, params), shared });
      setEditing(null);
      views.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (target: SavedViewView) => {
    if (!window.confirm(t('deskviews.confirmDelete', { name: target.name }))) return;
    try {
      await savedViewApi.remove(target.id);
    } catch (caught) {
      setError(caught);
    }
    views.reload();
  };

  return (
    <Stack gap={4} data-testid="saved-views">
      <Title order={4}>{t('deskviews.title')}</Title>
      <ErrorAlert error={views.error ?? (editing ? null : error)} onRetry={views.reload} />
      {views.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('deskviews.none')}
        </Text>
      )}
      {views.data?.map((v) => (
        <ViewLink key={v.id} view={v} onRename={() => open({ kind: 'rename', view: v })} onDelete={() => remove(v)} />
      ))}
      <Button variant="light" size="xs" onClick={() => open({ kind: 'create' })} data-testid="saved-view-save">
        {t('deskviews.save')}
      </Button>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === 'rename' ? t('deskviews.rename') : t('deskviews.save')}
      >
        <Stack>
          {editing?.kind === 'create' && (
            <Text size="sm" c="dimmed">
              {t('deskviews.saveHint')}
            </Text>
          )}
          <TextInput
            label={t('deskviews.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            maxLength={80}
            dir="auto"
            data-autofocus
            data-testid="saved-view-name"
          />
          {editing?.kind === 'create' && isSupervisor && (
            <Checkbox
              label={t('deskviews.shareWithTeam')}
              checked={shared}
              onChange={(event) => setShared(event.currentTarget.checked)}
            />
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={busy} disabled={!name.trim()} data-testid="saved-view-confirm">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
