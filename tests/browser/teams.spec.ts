import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator } from '@playwright/test';
import { chooseLanguage, logIn, shootWithoutHeader, staff, test } from './browser-kit.ts';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const shoot = (locator: Locator, name: string) => shootWithoutHeader(locator, path.join(SHOTS, name));

test('an admin creates a team, puts an agent in it, gives it its own hours, and sees its first response on the dashboard; Arabic is right-to-left', async ({
  page,
}) => {
  const team = `Billing desk ${Date.now().toString(36)}`;
  const tom = staff().agentEn;
  await logIn(page, staff().admin.email);
  await page.goto('/app/settings');

  const teams = page.getByTestId('teams-panel');
  await teams.getByTestId('team-name').fill(team);
  await teams.getByTestId('team-create').click();
  const teamRow = teams.getByTestId('team-row').filter({ hasText: team });
  await expect(teamRow).toHaveCount(1);
  await expect(teamRow.getByTestId('team-members')).toHaveText('0');

  // Tom joins the team from the people panel; the team's member count follows.
  const tomRow = page.getByTestId('users-panel').getByTestId('user-row').filter({ hasText: tom.email });
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/v1/users/${tom.id}`) && r.request().method() === 'PATCH',
  );
  await tomRow.getByTestId('user-team').selectOption({ label: team });
  expect((await saved).status()).toBe(200);
  await expect(teamRow.getByTestId('team-members')).toHaveText('1');

  // A team with people cannot be deleted: the dialog says why and offers no delete.
  await teamRow.getByTestId('team-delete').click();
  await expect(page.getByTestId('team-delete-text')).toContainText('move its people');
  await expect(page.getByTestId('team-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');

  // The team's own hours (Settings → Business hours): they start as a copy of the workspace's.
  await page.getByTestId('settings-section-hours').click();
  const calendar = page.getByTestId('business-calendar');
  await calendar.getByTestId('calendar-scope').selectOption({ label: team });
  await expect(calendar.getByTestId('calendar-follows-workspace')).toContainText(team);
  await calendar.getByTestId('calendar-save').click();
  await expect(calendar.getByTestId('calendar-saved')).toBeVisible();
  await expect(calendar.getByTestId('calendar-use-workspace')).toBeVisible();

  // Tom answers a case, so the team has a first response to show.
  const opened = await page.request.post('/api/v1/cases', {
    data: {
      customer: { name: 'Grace Hopper', email: `grace-${Date.now()}@example.com` },
      channel: 'email',
      subject: 'Invoice',
      body: 'My invoice shows the wrong amount, please check.',
    },
  });
  expect(opened.status()).toBe(201);
  const { case: created } = (await opened.json()) as { case: { id: string; owner: { id: string } | null } };
  if (created.owner?.id !== tom.id) {
    const handedOff = await page.request.post(`/api/v1/cases/${created.id}/handoffs`, {
      data: { toUserId: tom.id, reason: 'Billing question for the billing desk' },
    });
    expect(handedOff.ok()).toBe(true);
  }
  const answered = await page.request.post(`/api/v1/cases/${created.id}/messages`, {
    data: { direction: 'outbound', channel: 'email', body: 'We are checking your invoice now.' },
  });
  expect(answered.status()).toBe(201);

  await page.goto('/app/dashboard');
  const figures = page.getByTestId('team-figures');
  await expect(figures.getByTestId('team-figures-row').filter({ hasText: team })).toHaveCount(1);
  await expect(page.getByTestId('chart-by-team').locator('canvas').first()).toBeVisible();
  await shoot(
    figures.locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")][1]'),
    'teams-dashboard-en.png',
  );
  // Waits, total wait and handoffs per team, then per channel (K7).
  const times = page.getByTestId('time-by-group');
  await expect(times.getByTestId('time-by-group-row').filter({ hasText: team })).toHaveCount(1);
  await times.getByText('By channel').click();
  await expect(times.getByTestId('time-by-group-row').filter({ hasText: 'E-mail' })).toHaveCount(1);
  await shoot(times, 'time-by-channel-en.png');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(figures).toContainText('الردود الأولى');
  await shoot(
    figures.locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")][1]'),
    'teams-dashboard-ar.png',
  );
  await expect(times).toContainText('احترام وقت العملاء');
  await shoot(times, 'time-by-group-ar.png');

  await page.goto('/app/settings');
  await expect(teams).toContainText('الفرق');
  await expect(teamRow.getByTestId('team-members')).toHaveText(/^(1|١)$/);
  await shoot(teams, 'teams-panel-ar.png');
  await shoot(page.getByTestId('users-panel'), 'teams-people-ar.png');
  await chooseLanguage(page, 'en');
  await shoot(teams, 'teams-panel-en.png');
  await shoot(page.getByTestId('users-panel'), 'teams-people-en.png');
  await chooseLanguage(page, 'ar');
  await page.getByTestId('settings-section-hours').click();
  await calendar.getByTestId('calendar-scope').selectOption({ label: team });
  await expect(calendar.getByTestId('calendar-use-workspace')).toBeVisible();
  await shoot(calendar, 'teams-calendar-ar.png');
});
