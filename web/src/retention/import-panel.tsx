import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, FileInput, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReportView, ImportView } from '@kept/contract/retention-types.ts';
import { errorText } from '../common/error-text.ts';
import { useFormat } from '../i18n/use-format.ts';
import { Card, Figure } from './panel-kit.tsx';
import { retentionApi } from '../api/retention-api.ts';
import { ImportProgressCard } from './import-progress-card.tsx';

const POLL_MS = 1000;

export function ImportPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('csv');
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The import runs in the background: its progress is polled until it has finished.
  const [running, setRunning] = useState<ImportView | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const finish = (view: ImportView) => {
    setRunning(null);
    setBusy(false);
    setCancelling(false);
    setReport(view.report);
  };
  const runningId = running?.id;
  useEffect(() => {
    if (!runningId) return;
    const timer = setInterval(() => {
      retentionApi.importStatus(runningId).then(
        ({ import: view }) => (view.status === 'queued' || view.status === 'running' ? setRunning(view) : finish(view)),
        (e: unknown) => {
          setError(e);
          setRunning(null);
          setBusy(false);
        },
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runningId]);
  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const { id } = await retentionApi.upload(file, kind, skip);
      setRunning((await retentionApi.importStatus(id)).import);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const cancel = async () => {
    if (!running) return;
    setCancelling(true);
    try {
      finish((await retentionApi.cancelImport(running.id)).import);
    } catch (e) {
      setError(e);
      setCancelling(false);
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
      {running && <ImportProgressCard view={running} cancelling={cancelling} onCancel={() => void cancel()} />}
      {report && (
        <Card
          title={t(
            report.status === 'done'
              ? 'retention.import.done'
              : report.status === 'cancelled'
                ? 'imports.cancelled'
                : 'retention.import.refused',
          )}
          testId="import-report"
        >
          {report.status !== 'done' && report.message ? (
            <Text size="sm" mb="sm" data-testid="import-message">
              {report.message}
            </Text>
          ) : null}
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
