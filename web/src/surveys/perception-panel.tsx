import { useMemo, useState } from 'react';
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PERCEPTION_AREA_KINDS, type PerceptionAreaKind } from '@kept/contract/domain-words.ts';
import { surveyApi } from '../api/survey-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { UserLine } from '../common/user-text.tsx';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';
import { directionOf } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/use-format.ts';
import { useSession } from '../auth/session-context.tsx';
import { Card, Figure, Loading, percent } from '../retention/panel-kit.tsx';
import { baseOption } from '../retention/retention-chart.tsx';
import { quarterLabel } from './quarter-label.ts';

/** K17: what management believes beside what customers say, per quarter and area. */
export function PerceptionPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { isSupervisor } = useSession();
  const rtl = directionOf(i18n.language) === 'rtl';
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const { data, error, reload, setData } = useApi(() => surveyApi.perception(period), [period]);
  const [areaKind, setAreaKind] = useState<PerceptionAreaKind>('overall');
  const [areaKey, setAreaKey] = useState('');
  const [rating, setRating] = useState<number | string>(4);
  const [saveError, setSaveError] = useState<unknown>(null);
  const option = useMemo((): ChartOption | null => {
    if (!data) return null;
    return {
      ...baseOption(rtl),
      xAxis: { type: 'category', data: data.trend.map((p) => quarterLabel(t, p.period)), inverse: rtl },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        position: rtl ? 'right' : 'left',
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
      series: [
        {
          type: 'bar',
          name: t('surveys.perception.headlineManagers'),
          data: data.trend.map((p) => p.managerShareSuperior),
          itemStyle: { color: '#845ef7' },
        },
        {
          type: 'bar',
          name: t('surveys.perception.headlineCustomers'),
          data: data.trend.map((p) => p.customerShareGood),
          itemStyle: { color: '#0ca678' },
        },
      ],
    } as ChartOption;
  }, [data, rtl, t]);
  if (!data || !option) return <Loading error={error} onRetry={reload} />;
  const save = async () => {
    setSaveError(null);
    try {
      setData(
        await surveyApi.ratePerception({
          period: data.period,
          areaKind,
          areaKey: areaKind === 'overall' ? '' : areaKey,
          rating: Number(rating),
        }),
      );
      notifications.show({ message: t('surveys.perception.saved'), color: 'teal' });
    } catch (cause) {
      setSaveError(cause);
    }
  };
  const areaName = (kind: PerceptionAreaKind, key: string, label: string) =>
    kind === 'overall'
      ? t('surveys.perception.areaKind.overall')
      : kind === 'channel'
        ? t(`channel.${key}`, { defaultValue: label })
        : label;
  return (
    <Stack gap="md" data-testid="survey-perception">
      <Text size="sm" c="dimmed">
        {t('surveys.perception.hint')}
      </Text>
      <Select
        label={t('surveys.perception.period')}
        value={data.period}
        onChange={(v) => v && setPeriod(v)}
        data={data.trend.map((p) => ({ value: p.period, label: quarterLabel(t, p.period) }))}
        data-testid="perception-period"
        maw={200}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Figure
          label={t('surveys.perception.headlineManagers')}
          value={percent(i18n.language, data.headline.managerShareSuperior, 0)}
          testId="perception-managers"
        />
        <Figure
          label={t('surveys.perception.headlineCustomers')}
          value={percent(i18n.language, data.headline.customerShareGood, 0)}
          testId="perception-customers"
        />
      </SimpleGrid>
      <Card title={t('surveys.perception.trend')}>
        <EChart option={option} ariaLabel={t('surveys.perception.trend')} testId="chart-perception" />
      </Card>
      <Card title={t('surveys.perception.areas')}>
        {data.areas.length === 0 && <Text c="dimmed">{t('surveys.perception.empty')}</Text>}
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {(['area', 'belief', 'customers', 'good', 'answers'] as const).map((c) => (
                  <Table.Th key={c}>{t(`surveys.perception.columns.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.areas.map((a) => (
                <Table.Tr key={`${a.areaKind}:${a.areaKey}`}>
                  <Table.Td>
                    <UserLine>
                      {a.areaKind === 'overall'
                        ? t('surveys.perception.areaKind.overall')
                        : `${t(`surveys.perception.areaKind.${a.areaKind}`)}: ${areaName(a.areaKind, a.areaKey, a.label)}`}
                    </UserLine>
                  </Table.Td>
                  <Table.Td>{format.number(a.managerRating)}</Table.Td>
                  <Table.Td>{format.number(a.customerMean, 2)}</Table.Td>
                  <Table.Td>{percent(i18n.language, a.customerShareGood, 0)}</Table.Td>
                  <Table.Td>{format.number(a.answers)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {isSupervisor && (
        <Card title={t('surveys.perception.record')}>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('surveys.perception.columns.area')}
              value={areaKind}
              onChange={(v) => v && setAreaKind(v as PerceptionAreaKind)}
              data={PERCEPTION_AREA_KINDS.map((k) => ({ value: k, label: t(`surveys.perception.areaKind.${k}`) }))}
              allowDeselect={false}
              w={180}
            />
            {areaKind !== 'overall' && (
              <TextInput
                label={t('surveys.perception.areaKey')}
                value={areaKey}
                onChange={(e) => setAreaKey(e.currentTarget.value)}
                dir="auto"
                w={200}
              />
            )}
            <NumberInput
              label={t('surveys.perception.rating')}
              value={rating}
              onChange={setRating}
              min={1}
              max={5}
              w={120}
            />
            <Button onClick={() => void save()} data-testid="perception-save">
              {t('surveys.perception.save')}
            </Button>
          </Group>
          <ErrorAlert error={saveError} />
        </Card>
      )}
    </Stack>
  );
}
