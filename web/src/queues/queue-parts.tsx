import { useEffect, useRef, type ReactNode } from 'react';
import { Anchor, Center, Loader, Paper, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../common/error-alert.tsx';
import { rememberCaseOrder } from '../shortcuts/case-order.ts';

export function QueueState({ loading, error, reload }: { loading: boolean; error: unknown; reload: () => void }) {
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (loading) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return null;
}

export function EmptyQueue({ text, testId = 'queue-empty' }: { text: string; testId?: string }) {
  return (
    <Paper withBorder p="xl" ta="center" data-testid={testId}>
      <Text size="lg" c="teal.8" fw={600}>
        {text}
      </Text>
    </Paper>
  );
}

export function QueueTable({ head, children }: { head: ReactNode[]; children: ReactNode }) {
  const table = useRef<HTMLTableElement>(null);
  // The rows as shown, in their order, are the queue that j/k walk on a case page.
  useEffect(() => {
    const rows = table.current?.querySelectorAll<HTMLElement>('tbody [data-case-id]') ?? [];
    if (rows.length > 0) rememberCaseOrder([...rows].map((row) => row.dataset.caseId ?? ''));
  });
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table ref={table} striped highlightOnHover verticalSpacing="xs" data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={i}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A row that opens its case when clicked; the reference is also a real link. */
export function QueueRow({
  caseId,
  children,
  data,
}: {
  caseId: string;
  children: ReactNode;
  data?: Record<string, string>;
}) {
  const navigate = useNavigate();
  return (
    <Table.Tr
      data-testid="queue-row"
      data-case-id={caseId}
      {...data}
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        // A link opens itself; a selection box (the bulk bar's) only selects.
        if ((event.target as HTMLElement).closest('a, input, label')) return;
        navigate(`/app/cases/${caseId}`);
      }}
    >
      {children}
    </Table.Tr>
  );
}

export function CaseLink({ caseId, reference }: { caseId: string; reference: string }) {
  return (
    <Anchor
      component={Link}
      to={`/app/cases/${caseId}`}
      fw={600}
      data-testid="queue-case-link"
      dir="ltr"
      style={{ whiteSpace: 'nowrap' }}
    >
      {reference}
    </Anchor>
  );
}
