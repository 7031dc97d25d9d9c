import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EscalationView } from '@kept/contract/api-types.ts';
import { isolate } from '../cases/describe-event.ts';
import { useFormat } from '../i18n/use-format.ts';

/** Promises broken on the case while the escalation was open: what the supervisor answers for too. */
export function EscalationBreaches({ breaches }: { breaches: EscalationView['breaches'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (breaches.length === 0) return null;
  return (
    <Stack gap={2} data-testid="escalation-breaches">
      <Text size="xs" fw={700} c="red.8">
        {t('escalations.breachesTitle', { n: format.number(breaches.length) })}
      </Text>
      {breaches.map((b) => (
        <Text size="sm" key={b.promiseId} data-testid="escalation-breach" data-promise-id={b.promiseId}>
          <Text span fw={600}>
            {t(`promiseKind.${b.kind}`, { defaultValue: b.kind })}
          </Text>
          {b.description && (
            <>
              {': '}
              <Text span dir="auto">
                {b.description}
              </Text>
            </>
          )}
          <Text span size="xs" c="dimmed">
            {' · '}
            {t('escalations.breachBy', {
              owner: isolate(b.owner.name),
              dueAt: format.dateTime(b.dueAt),
              brokenAt: format.dateTime(b.brokenAt),
            })}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}
