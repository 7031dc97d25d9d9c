import { useEffect, type ReactElement } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ImportPanel } from './import-panel.tsx';
import { RepeatPanel } from './repeat-panel.tsx';
import { CohortsPanel } from './cohorts-panel.tsx';
import { ParetoPanel } from './pareto-panel.tsx';
import { ComplaintRatePanel } from './complaint-rate-panel.tsx';
import { ClvPanel } from './clv-panel.tsx';
import { AtRiskPanel } from './at-risk-panel.tsx';
import { RetentionSettingsPanel } from './retention-settings-panel.tsx';

export const RETENTION_TABS = [
  'import',
  'repeat',
  'cohorts',
  'pareto',
  'complaints',
  'clv',
  'at-risk',
  'settings',
] as const;

/** Who stays, who leaves, what they are worth: one screen per question, as tabs. */
export default function RetentionPage() {
  const { t } = useTranslation();
  const { tab = 'at-risk' } = useParams();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t(`retention.tabs.${tab}`)} · ${t('app.name')}`;
  }, [t, tab]);
  const panels: Record<(typeof RETENTION_TABS)[number], ReactElement> = {
    import: <ImportPanel />,
    repeat: <RepeatPanel />,
    cohorts: <CohortsPanel />,
    pareto: <ParetoPanel />,
    complaints: <ComplaintRatePanel />,
    clv: <ClvPanel />,
    'at-risk': <AtRiskPanel />,
    settings: <RetentionSettingsPanel />,
  };
  return (
    <Stack gap="md" data-testid="retention-page">
      <Title order={2}>{t('retention.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && navigate(`/app/retention/${v}`)} keepMounted={false}>
        <Tabs.List>
          {RETENTION_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`retention-tab-${k}`}>
              {t(`retention.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {RETENTION_TABS.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            {panels[k]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
