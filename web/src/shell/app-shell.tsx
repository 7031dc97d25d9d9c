import { AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SessionProvider, useSession } from '../auth/session-context.tsx';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { FailingMailboxBanner } from '../email/failing-mailbox-banner.tsx';
import { NoticesMenu } from './notices-menu.tsx';
import { ShortcutHelp } from '../shortcuts/shortcut-help.tsx';

interface NavItem {
  to: string;
  match: string;
  label: string;
  testId: string;
}

function StaffShell() {
  const { t } = useTranslation();
  const { me, isAdmin, isSupervisor, signOut } = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  const items: NavItem[] = [
    { to: '/app/queues/unanswered', match: '/app/queues', label: t('nav.queues'), testId: 'nav-queues' },
    { to: '/app/escalations', match: '/app/escalations', label: t('nav.escalations'), testId: 'nav-escalations' },
    { to: '/app/customers', match: '/app/customers', label: t('nav.customers'), testId: 'nav-customers' },
    { to: '/app/promises', match: '/app/promises', label: t('promises.nav'), testId: 'nav-promises' },
  ];
  if (isSupervisor)
    items.push({ to: '/app/dashboard', match: '/app/dashboard', label: t('nav.dashboard'), testId: 'nav-dashboard' });
  items.push({
    to: '/app/retention/at-risk',
    match: '/app/retention',
    label: t('retention.nav'),
    testId: 'nav-retention',
  });
  items.push({ to: '/app/surveys/report', match: '/app/surveys', label: t('surveys.nav'), testId: 'nav-surveys' });
  // Everyone has Settings: agents find their canned replies there, admins every section.
  items.push({
    to: isAdmin ? '/app/settings' : '/app/settings/replies',
    match: '/app/settings',
    label: t('nav.settings'),
    testId: 'nav-settings',
  });
  // The development mail sink is not in the navigation: an admin opens it from Settings → E-mail.

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={800} size="lg" c="teal.8" component={Link} to="/app/queues/unanswered">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="sm" data-testid="workspace-name">
              {me.workspace.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {t('nav.currentUser', { name: me.user.name, role: t(`role.${me.user.role}`) })}
            </Text>
            <NoticesMenu />
            <LanguageSwitcher />
            {/* On a phone the header has no room for it (Arabic's label pushed it off the screen): it is in the menu. */}
            <Button variant="default" size="xs" onClick={() => void signOut()} visibleFrom="sm" data-testid="logout">
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <Stack gap={2}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={location.pathname.startsWith(item.match)}
              onClick={close}
              data-testid={item.testId}
            />
          ))}
          <NavLink
            component="button"
            label={t('nav.logout')}
            onClick={() => void signOut()}
            hiddenFrom="sm"
            data-testid="logout-menu"
          />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <FailingMailboxBanner canOpenSettings={isAdmin} />
        <ShortcutHelp />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

export function StaffApp() {
  return (
    <SessionProvider>
      <StaffShell />
    </SessionProvider>
  );
}
