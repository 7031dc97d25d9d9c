import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CustomerView } from '@kept/contract/api-types.ts';
import { useMediaQuery } from '@mantine/hooks';
import { deskFindApi } from '../api/desk-find-api.ts';
import { CustomerCards } from './customer-cards.tsx';
import { NewCustomerButton } from './customer-form.tsx';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useFormat } from '../i18n/use-format.ts';

export function CustomerSearchPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [input, setInput] = useState(q);
  const [results, setResults] = useState<CustomerView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [more, setMore] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)');

  useEffect(() => {
    document.title = `${t('customers.title')} · ${t('app.name')}`;
  }, [t]);

  // Everyone by name before anything is typed: the list is never blank (issue 16).
  useEffect(() => {
    let cancelled = false;
    setBusy(true);
    deskFindApi
      .customers(q)
      .then((r) => !cancelled && (setResults(r.customers), setMore(r.more), setError(null)))
      .catch((cause: unknown) => !cancelled && setError(cause))
      .finally(() => !cancelled && setBusy(false));
    return () => {
      cancelled = true;
    };
  }, [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(input.trim() ? { q: input.trim() } : {});
  };

  return (
    <Stack gap="md" data-testid="customer-search-page">
      <Group justify="space-between">
        <Title order={2}>{t('customers.title')}</Title>
        <NewCustomerButton />
      </Group>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('customers.searchLabel')}
            placeholder={t('deskfind.searchPlaceholder')}
            dir="auto"
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            w={360}
            maw="100%"
            data-testid="customer-search-input"
          />
          <Button type="submit" loading={busy} data-testid="customer-search-submit">
            {t('customers.search')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={error} />
      <Text c="dimmed" size="sm">
        {q ? t('deskfind.customersHint') : t('deskfind.allCustomers')}
      </Text>
      {more && results && (
        <Text size="sm" c="dimmed" data-testid="customer-more">
          {t('deskfind.more', { n: results.length })}
        </Text>
      )}
      {results && results.length === 0 && (
        <Paper withBorder p="lg" ta="center" data-testid="customer-no-results">
          {t('customers.noResults')}
        </Paper>
      )}
      {results && results.length > 0 && phone && <CustomerCards customers={results} />}
      {results && results.length > 0 && !phone && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.name')}</Table.Th>
                <Table.Th>{t('customers.email')}</Table.Th>
                <Table.Th>{t('customers.phone')}</Table.Th>
                <Table.Th>{t('customers.language')}</Table.Th>
                <Table.Th>{t('customers.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((c) => (
                <Table.Tr key={c.id} data-testid="customer-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/app/customers/${c.id}`} dir="auto">
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{c.email ?? '—'}</Table.Td>
                  <Table.Td dir="ltr">{c.phone ?? '—'}</Table.Td>
                  <Table.Td>{format.languageName(c.language)}</Table.Td>
                  <Table.Td>{format.date(c.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
