// A case's priority and tags (issue 16), changed in place; each change is one event on the timeline.
import { useState } from 'react';
import { Group, Paper, Select, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetailResponse } from '@kept/contract/api-types.ts';
import { CASE_PRIORITIES, type CasePriority } from '@kept/contract/domain-words.ts';
import { deskFindApi } from '../api/desk-find-api.ts';
import { ErrorAlert } from '../common/error-alert.tsx';

export function CaseLabels({
  detail,
  onDone,
}: {
  detail: CaseDetailResponse;
  onDone: (d: CaseDetailResponse) => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const save = (labels: { priority?: CasePriority; tags?: string[] }) =>
    deskFindApi
      .label(detail.case.id, labels)
      .then((updated) => (setError(null), onDone(updated)))
      .catch(setError);
  return (
    <Paper withBorder p="sm" data-testid="case-labels">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('deskfind.priorityLabel')}
          data={CASE_PRIORITIES.map((p) => ({ value: p, label: t(`deskfind.priority.${p}`) }))}
          value={detail.case.priority}
          onChange={(value) => value && save({ priority: value as CasePriority })}
          allowDeselect={false}
          w={160}
          data-testid="case-priority"
        />
        <TagsInput
          label={t('deskfind.tags')}
          value={detail.case.tags}
          onChange={(tags) => save({ tags })}
          maxTags={20}
          clearable
          style={{ flex: 1, minWidth: 200 }}
          data-testid="case-tags"
        />
      </Group>
      <ErrorAlert error={error} />
    </Paper>
  );
}
