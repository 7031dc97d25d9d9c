import { Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PHYSICAL } from './case-order.ts';

const SHORTCUTS = [
  { keys: ['j'], what: 'next' },
  { keys: ['k'], what: 'previous' },
  { keys: ['r'], what: 'reply' },
  { keys: ['n'], what: 'note' },
  { keys: ['Ctrl', 'Enter'], what: 'send' },
  { keys: ['/'], what: 'search' },
  { keys: ['?'], what: 'help' },
] as const;

/** Focuses the search box of the screen, or opens the customer search when the screen has none. */
function focusSearch(navigate: ReturnType<typeof useNavigate>): void {
  const box = document.querySelector<HTMLInputElement>('[data-shortcut="search"], input[type="search"]');
  if (box) box.focus();
  else void navigate('/app/customers');
}

/** The desk's global keys (search, help on `?`) and the list of every shortcut. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  useHotkeys([
    ['shift+?', open],
    ['shift+slash', open, PHYSICAL],
    ['/', () => focusSearch(navigate)],
  ]);
  return (
    <Modal opened={opened} onClose={close} title={t('answering.shortcuts.title')} centered>
      <Stack gap="sm" data-testid="shortcut-help">
        <Table>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.what}>
                <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' + '}
                      <Kbd>{k}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>{t(`answering.shortcuts.${s.what}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('answering.shortcuts.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
