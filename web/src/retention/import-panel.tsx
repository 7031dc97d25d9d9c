import { useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReportView } from '@kept/contract/retention-types.ts';
import { errorText } from '../common/error-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';

export function ImportPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('csv');
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await retentionApi.upload(file, kind, skip));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md" data-testid="retention-import">
      <Card title={t('retention.import.title')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('retention.import.help')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('retention.import.file')}
            value={file}
            onChange={setFile}
            accept=".csv,.txt"
            w={280}
            data-testid="import-file"
            clearable
          />
          <Select
            label={t('retention.import.format')}
            value={kind}
            onChange={(v) => setKind(v ?? 'csv')}
            data={['csv', 'shopify', 'cdnow'].map((f) => ({ value: f, label: t(`retention.import.formats.${f}`) }))}
            w={220}
            allowDeselect={false}
          />
          <Checkbox
            label={t('retention.import.skipBadRows')}
            checked={skip}
            onChange={(e) => setSkip(e.currentTarget.checked)}
            mb={8}
          />
          <Button onClick={() => void submit()} loading={busy} disabled={!file} data-testid="import-submit">
            {t('retention.import.submit')}
          </Button>
        </Group>
      </Card>
      {error ? <Alert color="red">{errorText(t, error)}</Alert> : null}
      {report && (
        <Card
          title={t(report.status === 'done' ? 'retention.import.done' : 'retention.import.refused')}
          testId="import-report"
        >
          <SimpleGrid cols={{ base: 2, md: 5 }} mb="sm">
            <Figure label={t('retention.import.rowsRead')} value={format.number(report.rowsRead)} />
            <Figure label={t('retention.import.imported')} value={format.number(report.imported)} />
            <Figure label={t('retention.import.duplicates')} value={format.number(report.duplicates)} />
            <Figure label={t('retention.import.skipped')} value={format.number(report.skipped)} />
            <Figure label={t('retention.import.customersCreated')} value={format.number(report.customersCreated)} />
          </SimpleGrid>
          {report.problems.length > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('retention.import.line')}</Table.Th>
                  <Table.Th>{t('retention.import.column')}</Table.Th>
                  <Table.Th>{t('retention.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.slice(0, 100).map((p) => (
                  <Table.Tr key={`${p.line}-${p.reason}`}>
                    <Table.Td>{format.number(p.line)}</Table.Td>
                    <Table.Td dir="ltr">{p.column ?? '—'}</Table.Td>
                    <Table.Td dir="ltr">{p.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}
