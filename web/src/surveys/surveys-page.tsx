import { useEffect, type ReactElement } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConsistencyPanel } from './consistency-panel.tsx';
import { PerceptionPanel } from './perception-panel.tsx';
import { SurveyReportPanel } from './survey-report-panel.tsx';
import { SurveySettingsPanel } from './survey-settings-panel.tsx';

export const SURVEY_TABS = ['report', 'consistency', 'perception', 'settings'] as const;

/** What customers say (issue 15): satisfaction, its consistency, and management's belief beside it. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const { tab = 'report' } = useParams();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t(`surveys.tabs.${tab}`, { defaultValue: t('surveys.title') })} · ${t('app.name')}`;
  }, [t, tab]);
  const panels: Record<(typeof SURVEY_TABS)[number], ReactElement> = {
    report: <SurveyReportPanel />,
    consistency: <ConsistencyPanel />,
    perception: <PerceptionPanel />,
    settings: <SurveySettingsPanel />,
  };
  return (
    <Stack gap="md" data-testid="surveys-page">
      <Title order={2}>{t('surveys.title')}</Title>
      <Tabs value={tab} onChange={(v) => v && navigate(`/app/surveys/${v}`)} keepMounted={false}>
        <Tabs.List>
          {SURVEY_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`surveys-tab-${k}`}>
              {t(`surveys.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SURVEY_TABS.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            {panels[k]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
