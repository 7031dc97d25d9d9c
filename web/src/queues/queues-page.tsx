import { useEffect } from 'react';
import { Box, Button, Flex, Group, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { CaseFinder, isFiltered, useCaseFinderFilters } from './case-finder.tsx';
import { CaseQueue } from './case-queue.tsx';
import { FlaggedQueue } from './flagged-queue.tsx';
import { SavedViews } from './saved-views.tsx';
import { NewCaseButton } from './new-case-form.tsx';
import { UnansweredQueue } from './unanswered-queue.tsx';

export const QUEUE_VIEWS = ['mine', 'unanswered', 'unassigned', 'escalated', 'flagged', 'complaints', 'open'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

// The complaints queue's words live in the complaints bundle (web/src/locales/complaints/).
const tabLabel = (view: QueueView) => (view === 'complaints' ? 'complaints.queueTab' : `queues.tabs.${view}`);

function isQueueView(value: string | undefined): value is QueueView {
  return !!value && (QUEUE_VIEWS as readonly string[]).includes(value);
}

export function QueuesPage() {
  const { t } = useTranslation();
  const { view } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const searching = isFiltered(useCaseFinderFilters());

  useEffect(() => {
    if (isQueueView(view)) document.title = `${t(tabLabel(view))} · ${t('app.name')}`;
  }, [view, t]);

  if (!isQueueView(view)) return <Navigate to="/app/queues/unanswered" replace />;
  // The unanswered and service-hell lists have shapes of their own: a search there lists their cases.

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('queues.title')}</Title>
        <Group gap="xs">
          <NewCaseButton />
          <Button variant="default" size="xs" onClick={() => navigate(0)}>
            {t('common.refresh')}
          </Button>
        </Group>
      </Group>
      <CaseFinder />
      <Flex direction={{ base: 'column', md: 'row' }} gap="md" align="flex-start">
        <Box w={{ base: '100%', md: 240 }} style={{ flexShrink: 0 }}>
          <SavedViews />
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }} w="100%">
          <Tabs
            value={view}
            onChange={(value) => value && navigate({ pathname: `/app/queues/${value}`, search: params.toString() })}
            keepMounted={false}
          >
            <Tabs.List mb="md">
              {QUEUE_VIEWS.map((v) => (
                <Tabs.Tab key={v} value={v} data-testid={`queue-tab-${v}`}>
                  {t(tabLabel(v))}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {QUEUE_VIEWS.map((v) => (
              <Tabs.Panel key={v} value={v}>
                {searching ? (
                  <CaseQueue view={v === 'unanswered' ? 'open' : v} />
                ) : v === 'unanswered' ? (
                  <UnansweredQueue />
                ) : v === 'flagged' ? (
                  <FlaggedQueue />
                ) : (
                  <CaseQueue view={v} />
                )}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Box>
      </Flex>
    </>
  );
}
