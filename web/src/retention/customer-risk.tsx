import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { formatMoney } from '../i18n/format-money.ts';
import { riskColor } from './at-risk-panel.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { RiskReasons } from './risk-reasons.tsx';

/** The customer's churn risk with its reasons, computed when the page opens. */
export function CustomerRisk({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { data } = useApi(() => retentionApi.customerRisk(customerId), [customerId]);
  // The shop's currency comes with the retention settings (the CLV is in it).
  const settings = useApi(() => retentionApi.settings(), []);
  if (!data) return null;
  return (
    <Paper withBorder p="md" data-testid="customer-risk">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('retention.risk.title')}</Title>
        <Badge size="lg" color={riskColor(data.risk)} data-testid="customer-risk-score">
          {format.number(data.risk)} / 100
        </Badge>
      </Group>
      <Stack gap={4}>
        <RiskReasons reasons={data.reasons} />
        <Group gap="lg">
          <Text size="sm">
            <Text span c="dimmed">
              {t('retention.common.clv')}:{' '}
            </Text>
            <span data-testid="customer-clv">
              {settings.data
                ? formatMoney(i18n.language, data.clv, settings.data.currency)
                : format.number(data.clv, 2)}
            </span>
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('retention.risk.pAlive')}:{' '}
            </Text>
            {data.pAlive === null ? '—' : `${format.number(data.pAlive * 100)}%`}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('retention.risk.lastPurchase')}:{' '}
            </Text>
            {format.date(data.lastPurchase)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
