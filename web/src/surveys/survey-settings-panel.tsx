import { useEffect, useState } from 'react';
import { Button, Checkbox, NumberInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SurveySettingsView } from '@kept/contract/survey-types.ts';
import { surveyApi } from '../api/survey-api.ts';
import { useSession } from '../auth/session-context.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { Loading } from '../retention/panel-kit.tsx';

/** Per-workspace survey settings (admins change them). */
export function SurveySettingsPanel() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  const { data, error, reload } = useApi(() => surveyApi.settings(), []);
  const [form, setForm] = useState<SurveySettingsView | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  useEffect(() => {
    if (data) setForm(data);
  }, [data]);
  if (!form) return <Loading error={error} onRetry={reload} />;
  const number = (key: 'throttleDays' | 'npsIntervalDays', label: string, max: number) => (
    <NumberInput
      label={label}
      value={form[key]}
      min={0}
      max={max}
      disabled={!isAdmin}
      onChange={(v) => setForm({ ...form, [key]: Number(v) || 0 })}
      maw={360}
    />
  );
  const save = async () => {
    setSaveError(null);
    try {
      setForm(await surveyApi.saveSettings(form));
      notifications.show({ message: t('surveys.settings.saved'), color: 'teal' });
    } catch (cause) {
      setSaveError(cause);
    }
  };
  return (
    <Stack gap="sm" maw={520} data-testid="survey-settings">
      <Checkbox
        label={t('surveys.settings.enabled')}
        checked={form.enabled}
        disabled={!isAdmin}
        onChange={(e) => setForm({ ...form, enabled: e.currentTarget.checked })}
      />
      <NumberInput
        label={t('surveys.settings.delay')}
        value={form.delayBusinessMinutes / 60}
        min={0}
        max={720}
        step={0.5}
        decimalScale={1}
        disabled={!isAdmin}
        onChange={(v) => setForm({ ...form, delayBusinessMinutes: Math.round((Number(v) || 0) * 60) })}
        maw={360}
      />
      <Checkbox
        label={t('surveys.settings.askEffort')}
        checked={form.askEffort}
        disabled={!isAdmin}
        onChange={(e) => setForm({ ...form, askEffort: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('surveys.settings.emailPortalSurveys')}
        checked={form.emailPortalSurveys}
        disabled={!isAdmin}
        onChange={(e) => setForm({ ...form, emailPortalSurveys: e.currentTarget.checked })}
        data-testid="survey-email-portal"
      />
      {number('throttleDays', t('surveys.settings.throttle'), 365)}
      {number('npsIntervalDays', t('surveys.settings.nps'), 730)}
      <ErrorAlert error={saveError} />
      {isAdmin && (
        <Button onClick={() => void save()} w="fit-content" data-testid="survey-settings-save">
          {t('surveys.settings.save')}
        </Button>
      )}
    </Stack>
  );
}
