import { useState } from 'react';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AtRiskScope } from '../../../src/contract/retention-types.ts';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Loading } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { RiskReasons } from './risk-reasons.tsx';

export function riskColor(risk: number): string {
  return risk >= 70 ? 'red' : risk >= 40 ? 'orange' : 'yellow';
}

export function AtRiskPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [scope, setScope] = useState<AtRiskScope>('all');
  const { data, error, reload } = useApi(() => retentionApi.atRisk(scope), [scope]);
  const [done, setDone] = useState<Record<string, string>>({});
  if (!data) return <Loading error={error} onRetry={reload} />;
  const call = async (id: string) => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(10, 0, 0, 0);
    await retentionApi.scheduleCall(id, tomorrow.toISOString());
    setDone((d) => ({ ...d, [id]: t('retention.atRisk.callScheduled') }));
  };
  const open = async (id: string) => {
    const created = await retentionApi.openCase(id);
    navigate(`/app/cases/${created.caseId}`);
  };
  return (
    <Stack gap="md" data-testid="retention-at-risk">
      <Text size="sm" c="dimmed">
        {t(scope === 'all' ? 'retention.atRisk.help' : 'retention.atRisk.helpServiceOnly', { count: data.total })}
      </Text>
      <SegmentedControl
        data-testid="at-risk-scope"
        value={scope}
        onChange={(value) => setScope(value as AtRiskScope)}
        data={[
          { value: 'all', label: t('retention.atRisk.scopeAll') },
          { value: 'service-only', label: t('retention.atRisk.scopeServiceOnly', { count: data.serviceOnly }) },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Card title={t('retention.atRisk.title')}>
        {data.customers.length === 0 ? (
          <Text c="dimmed">{t('retention.atRisk.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.common.customer')}</Table.Th>
                  <Table.Th>{t('retention.risk.score')}</Table.Th>
                  <Table.Th>{t('retention.atRisk.valueAtRisk')}</Table.Th>
                  <Table.Th>{t('retention.risk.why')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.customers.map((c) => (
                  <Table.Tr key={c.customerId} data-testid="at-risk-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/app/customers/${c.customerId}`} dir="auto">
                        {c.name}
                      </Anchor>
                      {c.serviceOnly && (
                        <Badge
                          display="block"
                          mt={4}
                          size="sm"
                          variant="outline"
                          color="grape"
                          data-testid="service-only-badge"
                        >
                          {t('retention.atRisk.serviceOnly')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={riskColor(c.risk)} style={{ overflow: 'visible' }} miw={40}>
                        {format.number(c.risk)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {c.serviceOnly ? (
                        <Text size="sm" c="dimmed">
                          {t('retention.atRisk.noPurchases')}
                        </Text>
                      ) : (
                        format.number(c.valueAtRisk, 2)
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RiskReasons reasons={c.reasons} />
                    </Table.Td>
                    <Table.Td>
                      {done[c.customerId] ? (
                        <Text size="sm" c="teal">
                          {done[c.customerId]}
                        </Text>
                      ) : (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="light" onClick={() => void call(c.customerId)}>
                            {t('retention.atRisk.scheduleCall')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => void open(c.customerId)}>
                            {t('retention.atRisk.openCase')}
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
      </Card>
    </Stack>
  );
}
