import { useEffect, useState } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RetentionSettingsView } from '@kept/contract/retention-types.ts';
import { useSession } from '../auth/session-context.tsx';
import { useApi } from '../common/use-api.ts';
import { Card, Loading } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';

// Every currency this browser can format, by code: the server accepts the same list (ISO 4217).
const CURRENCIES = Intl.supportedValuesOf('currency');
const FACTORS = ['overdue', 'lowPAlive', 'openComplaint', 'brokenPromises', 'serviceHell', 'lowSurvey'] as const;

export function RetentionSettingsPanel() {
  const { t } = useTranslation();
  const { isAdmin } = useSession();
  const { data, error, reload, setData } = useApi(() => retentionApi.settings(), []);
  const [draft, setDraft] = useState<RetentionSettingsView | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(data ?? null), [data]);
  if (!data || !draft) return <Loading error={error} onRetry={reload} />;
  const save = async () => {
    const next = await retentionApi.saveSettings({
      riskWeights: draft.riskWeights,
      churnGapMultiple: draft.churnGapMultiple,
      aliveThreshold: draft.aliveThreshold,
      currency: draft.currency,
      acquisitionCosts: draft.acquisitionCosts.filter((c) => c.channel.trim() !== ''),
    });
    setData(next);
    setSaved(true);
  };
  return (
    <Stack gap="md" data-testid="retention-settings">
      <Card title={t('retention.settings.weights')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('retention.settings.weightsHelp')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 3 }}>
          {FACTORS.map((f) => (
            <NumberInput
              key={f}
              label={t(`retention.settings.factors.${f}`)}
              min={0}
              max={100}
              value={draft.riskWeights[f]}
              disabled={!isAdmin}
              onChange={(v) => setDraft({ ...draft, riskWeights: { ...draft.riskWeights, [f]: Number(v) || 0 } })}
            />
          ))}
        </SimpleGrid>
      </Card>
      <Card title={t('retention.settings.churn')}>
        <Group>
          <NumberInput
            label={t('retention.settings.gapMultiple')}
            min={1}
            max={10}
            step={0.5}
            value={draft.churnGapMultiple}
            disabled={!isAdmin}
            onChange={(v) => setDraft({ ...draft, churnGapMultiple: Number(v) || 2 })}
          />
          <NumberInput
            label={t('retention.settings.aliveThreshold')}
            min={0.01}
            max={0.99}
            step={0.05}
            decimalScale={2}
            value={draft.aliveThreshold}
            disabled={!isAdmin}
            onChange={(v) => setDraft({ ...draft, aliveThreshold: Number(v) || 0.3 })}
          />
        </Group>
      </Card>
      <Card title={t('deskpolish.retention.currency')}>
        <Select
          label={t('deskpolish.retention.currencyLabel')}
          description={t('deskpolish.retention.currencyHelp')}
          data={CURRENCIES}
          searchable
          allowDeselect={false}
          maw={320}
          value={draft.currency}
          disabled={!isAdmin}
          onChange={(v) => v && setDraft({ ...draft, currency: v })}
          data-testid="retention-currency"
        />
      </Card>
      <Card title={t('retention.settings.costs')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('retention.settings.costsHelp')}
        </Text>
        <Stack gap="xs">
          {[...draft.acquisitionCosts, { channel: '', costPerCustomer: 0 }].map((c, i) => (
            <Group key={i}>
              <TextInput
                placeholder={t('retention.common.channel')}
                value={c.channel}
                disabled={!isAdmin}
                data-testid={`cost-channel-${i}`}
                onChange={(e) => {
                  const list = [...draft.acquisitionCosts];
                  list[i] = { ...c, channel: e.currentTarget.value };
                  setDraft({ ...draft, acquisitionCosts: list });
                }}
              />
              <NumberInput
                placeholder={t('retention.settings.costPerCustomer')}
                min={0}
                value={c.costPerCustomer}
                disabled={!isAdmin}
                data-testid={`cost-value-${i}`}
                onChange={(v) => {
                  const list = [...draft.acquisitionCosts];
                  list[i] = { ...c, costPerCustomer: Number(v) || 0 };
                  setDraft({ ...draft, acquisitionCosts: list });
                }}
              />
            </Group>
          ))}
        </Stack>
      </Card>
      {isAdmin && (
        <Group>
          <Button onClick={() => void save()} data-testid="retention-settings-save">
            {t('retention.settings.save')}
          </Button>
          {saved && (
            <Text c="teal" size="sm">
              {t('retention.settings.saved')}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
