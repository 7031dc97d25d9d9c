// The search box and filters above the queues (issue 16). What is asked lives in the address
// (`?q=K-5&status=open&sort=waiting`), so a search can be bookmarked, shared and reloaded.
import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Chip, Collapse, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  CASE_LIST_SORTS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  CHANNELS,
  type CaseListSort,
  type CasePriority,
  type CaseStatus,
  type Channel,
} from '@kept/contract/domain-words.ts';
import type { UserView } from '@kept/contract/api-types.ts';
import type { CaseFinderFilters } from '../api/desk-find-api.ts';
import { api } from '../api/kept-api.ts';
import { useApi } from '../common/use-api.ts';
import { useFormat } from '../i18n/use-format.ts';

const LANGUAGES = ['en', 'ar', 'he', 'ru'];
const FLAGS = ['flagged', 'escalated', 'promiseDue'] as const;
const SEARCH_DELAY_MS = 300;

const words = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((word): word is T => (allowed as readonly string[]).includes(word));

/** The filters the address asks for; unknown words are dropped rather than sent to be refused. */
export function useCaseFinderFilters(): CaseFinderFilters {
  const [params] = useSearchParams();
  return useMemo(() => {
    const filters: CaseFinderFilters = {};
    const q = params.get('q')?.trim();
    if (q) filters.q = q;
    const status = words<CaseStatus>(params.get('status'), CASE_STATUSES);
    if (status.length) filters.status = status;
    const channel = words<Channel>(params.get('channel'), CHANNELS);
    if (channel.length) filters.channel = channel;
    const language = words(params.get('language'), LANGUAGES);
    if (language.length) filters.language = language;
    const priority = words<CasePriority>(params.get('priority'), CASE_PRIORITIES);
    if (priority.length) filters.priority = priority;
    const tag = params.get('tag')?.trim();
    if (tag) filters.tag = tag;
    const owner = params.get('owner');
    if (owner) filters.ownerId = owner;
    for (const flag of FLAGS) if (params.get(flag) === 'true') filters[flag] = true;
    const sort = params.get('sort');
    if (sort && (CASE_LIST_SORTS as readonly string[]).includes(sort)) filters.sort = sort as CaseListSort;
    return filters;
  }, [params]);
}

export function isFiltered(filters: CaseFinderFilters): boolean {
  return Object.keys(filters).some((key) => key !== 'sort');
}

export function CaseFinder() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const staff = useApi<UserView[]>(() => api.users(), []);

  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // Search as the agent types, once they pause.
  useEffect(() => {
    const handle = setTimeout(() => {
      if ((params.get('q') ?? '') !== text.trim()) set('q', text.trim() || null);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const multi = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  const phone = useMediaQuery('(max-width: 48em)');
  const [showFilters, setShowFilters] = useState(false);
  const active = [...params.keys()].filter((key) => key !== 'q').length;
  const search = (
    <TextInput
      type="search"
      label={t('deskfind.search')}
      placeholder={t('deskfind.searchPlaceholder')}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      dir="auto"
      w={phone ? '100%' : 340}
      maw="100%"
      data-testid="case-search-input"
    />
  );
  const filters = (
    <>
      <MultiSelect
        label={t('deskfind.status')}
        data={CASE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={multi('status')}
        onChange={(value) => set('status', value.join(',') || null)}
        clearable
        w={200}
        data-testid="case-filter-status"
      />
      <MultiSelect
        label={t('deskfind.channel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={multi('channel')}
        onChange={(value) => set('channel', value.join(',') || null)}
        clearable
        w={180}
        data-testid="case-filter-channel"
      />
      <MultiSelect
        label={t('deskfind.language')}
        data={LANGUAGES.map((code) => ({ value: code, label: format.languageName(code) }))}
        value={multi('language')}
        onChange={(value) => set('language', value.join(',') || null)}
        clearable
        w={160}
        data-testid="case-filter-language"
      />
      <Select
        label={t('deskfind.owner')}
        placeholder={t('deskfind.anyone')}
        data={[
          { value: 'none', label: t('deskfind.nobody') },
          ...(staff.data ?? []).map((person) => ({ value: person.id, label: person.name })),
        ]}
        value={params.get('owner')}
        onChange={(value) => set('owner', value)}
        clearable
        searchable
        w={180}
        data-testid="case-filter-owner"
      />
      <Select
        label={t('deskfind.sort')}
        data={CASE_LIST_SORTS.map((s) => ({ value: s, label: t(`deskfind.sorts.${s}`) }))}
        value={params.get('sort')}
        placeholder={t('deskfind.sorts.recent')}
        onChange={(value) => set('sort', value)}
        w={170}
        data-testid="case-sort"
      />
      <Group gap={6} pb={4}>
        {FLAGS.map((flag) => (
          <Chip
            key={flag}
            size="sm"
            checked={params.get(flag) === 'true'}
            onChange={(checked) => set(flag, checked ? 'true' : null)}
            data-testid={`case-filter-${flag}`}
          >
            {t(`deskfind.${flag}`)}
          </Chip>
        ))}
      </Group>
      {[...params.keys()].length > 0 && (
        <Button
          variant="subtle"
          size="sm"
          onClick={() => {
            setText('');
            setParams(new URLSearchParams(), { replace: true });
          }}
          data-testid="case-finder-clear"
        >
          {t('deskfind.clear')}
        </Button>
      )}
    </>
  );
  // On a phone the filters fold under a button, so the queue starts on the first screen.
  if (phone) {
    return (
      <Stack gap="xs" mb="md" data-testid="case-finder">
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Box style={{ flex: 1 }}>{search}</Box>
          <Button variant="default" onClick={() => setShowFilters((shown) => !shown)} data-testid="case-filters-toggle">
            {active > 0 ? `${t('deskfind.filters')} (${active})` : t('deskfind.filters')}
          </Button>
        </Group>
        <Collapse in={showFilters}>
          <Group align="flex-end" gap="xs" wrap="wrap">
            {filters}
          </Group>
        </Collapse>
      </Stack>
    );
  }
  return (
    <Group align="flex-end" gap="xs" mb="md" wrap="wrap" data-testid="case-finder">
      {search}
      {filters}
    </Group>
  );
}
