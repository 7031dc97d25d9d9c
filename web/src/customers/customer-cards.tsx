// Customers as cards on a phone (issue 16).
import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CustomerView } from '@kept/contract/api-types.ts';
import { useFormat } from '../i18n/use-format.ts';

export function CustomerCards({ customers }: { customers: CustomerView[] }) {
  const format = useFormat();
  return (
    <Stack gap="xs" data-testid="customer-cards">
      {customers.map((c) => (
        <Paper key={c.id} withBorder p="sm" data-testid="customer-row">
          <Anchor component={Link} to={`/app/customers/${c.id}`} fw={600} dir="auto">
            {c.name}
          </Anchor>
          {c.email && (
            <Text size="sm" dir="ltr" ta="start" style={{ overflowWrap: 'anywhere' }}>
              {c.email}
            </Text>
          )}
          {c.phone && (
            <Text size="sm" dir="ltr" ta="start">
              {c.phone}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {format.languageName(c.language)} · {format.date(c.createdAt)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
