import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { request } from '../api/api-client.ts';
import { ErrorAlert } from '../common/error-alert.tsx';
import { useApi } from '../common/use-api.ts';
import { teamApi, type TeamView } from '../api/team-api.ts';

/**
 * [start, end) minutes of the local day per weekday. Index 0 = Sunday … 6 = Saturday, the same
 * convention as src/desk/promises/capability/business-time.ts (it indexes by Date#getUTCDay()).
 */
export type WeeklyHours = Array<Array<[number, number]>>;

export interface BusinessCalendarView {
  id: string;
  teamId: string | null;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
}

export interface BusinessCalendarInput {
  /** null or absent: the workspace calendar. */
  teamId?: string | null;
  timeZone: string;
  weeklyHours: WeeklyHours;
  holidays: string[];
}

export const calendarApi = {
  list: () => request<{ calendars: BusinessCalendarView[] }>('/promises/calendars'),
  save: (body: BusinessCalendarInput) =>
    request<{ calendars: BusinessCalendarView[] }>('/promises/calendars', { method: 'PUT', body }),
};

/** Shown Monday first; the numbers are the API's weekday indices (0 = Sunday). */
const DISPLAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

interface DayForm {
  open: boolean;
  start: string; // HH:MM
  end: string; // HH:MM; 00:00 as an end means midnight (1440)
  /** Further intervals of the day loaded from the API; kept as they are while the day stays open. */
  extra: Array<[number, number]>;
}

interface CalendarForm {
  timeZone: string;
  days: DayForm[]; // index 0 = Sunday
  holidays: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
export const minutesToTime = (m: number) => `${pad(Math.floor((m % 1440) / 60))}:${pad(m % 60)}`;
export function timeToMinutes(value: string, isEnd: boolean): number | null {
  const match = /^(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return isEnd && minutes === 0 ? 1440 : minutes;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function toForm(calendar: Pick<BusinessCalendarView, 'timeZone' | 'weeklyHours' | 'holidays'>): CalendarForm {
  const days = Array.from({ length: 7 }, (_, i): DayForm => {
    const [first, ...extra] = calendar.weeklyHours[i] ?? [];
    return first
      ? { open: true, start: minutesToTime(first[0]), end: minutesToTime(first[1]), extra }
      : { open: false, start: '09:00', end: '17:00', extra: [] };
  });
  return { timeZone: calendar.timeZone, days, holidays: [...calendar.holidays].sort() };
}

/** Mon–Fri 09:00–17:00 in the browser's time zone: the starting point when nothing is saved yet. */
const officeHours = (): CalendarForm =>
  toForm({
    timeZone: browserTimeZone(),
    weeklyHours: [[], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], []],
    holidays: [],
  });

function dayInterval(day: DayForm): [number, number] | null {
  const start = timeToMinutes(day.start, false);
  const end = timeToMinutes(day.end, true);
  return start === null || end === null || end <= start ? null : [start, end];
}

function timeZones(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return supported.includes(current) ? supported : [current, ...supported];
}

/** The Select's value for the workspace calendar (a team's is its id). */
const WORKSPACE = 'workspace';

/**
 * The workspace's business hours, or a team's own: with teams, a selector chooses whose. A team
 * without hours follows the workspace's; its form starts as a copy of them.
 */
export function BusinessCalendarPanel({
  teams,
  onTeamsChanged,
}: { teams?: TeamView[]; onTeamsChanged?: () => void } = {}) {
  const { t, i18n } = useTranslation();
  const loaded = useApi(() => calendarApi.list(), []);
  const [scope, setScope] = useState(WORKSPACE);
  const team = scope === WORKSPACE ? undefined : teams?.find((x) => x.id === scope);
  const teamId = team?.id ?? null;
  const [form, setForm] = useState<CalendarForm | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [followsWorkspace, setFollowsWorkspace] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);
  const [holiday, setHoliday] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    const workspace = loaded.data.calendars.find((c) => c.teamId === null);
    const own = teamId ? loaded.data.calendars.find((c) => c.teamId === teamId) : workspace;
    setIsNew(!teamId && !workspace);
    setFollowsWorkspace(Boolean(teamId) && !own);
    setForm(own ? toForm(own) : workspace ? toForm(workspace) : officeHours());
  }, [loaded.data, teamId]);

  // A deleted team's hours can no longer be chosen.
  useEffect(() => {
    if (scope !== WORKSPACE && teams && !teams.some((x) => x.id === scope)) setScope(WORKSPACE);
  }, [scope, teams]);

  const weekdayNames = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-07 was a Sunday, so day i of that week has API index i.
    return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 7 + i))));
  }, [i18n.language]);
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }),
    [i18n.language],
  );
  const zones = useMemo(() => timeZones(form?.timeZone ?? browserTimeZone()), [form?.timeZone]);

  if (!form) {
    return (
      <Paper withBorder p="md" data-testid="business-calendar">
        <Title order={4}>{t('promises.calendar.title')}</Title>
        <ErrorAlert error={loaded.error} onRetry={loaded.reload} />
      </Paper>
    );
  }

  const setDay = (index: number, patch: Partial<DayForm>) => {
    setSaved(false);
    setForm({ ...form, days: form.days.map((d, i) => (i === index ? { ...d, ...patch } : d)) });
  };
  const invalid = form.days.some((d) => d.open && !dayInterval(d));

  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday)) return;
    setSaved(false);
    setForm({ ...form, holidays: [...new Set([...form.holidays, holiday])].sort() });
    setHoliday('');
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const weeklyHours: WeeklyHours = form.days.map((d) => {
        const first = d.open ? dayInterval(d) : null;
        return first ? [first, ...d.extra] : [];
      });
      setRemoved(null);
      const result = await calendarApi.save({ teamId, timeZone: form.timeZone, weeklyHours, holidays: form.holidays });
      loaded.setData(result);
      if (followsWorkspace) onTeamsChanged?.(); // the team now has hours of its own
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const followWorkspaceHours = async () => {
    if (!team) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await teamApi.removeCalendar(team.id);
      loaded.setData({ calendars: (loaded.data?.calendars ?? []).filter((c) => c.teamId !== team.id) });
      setRemoved(team.name);
      onTeamsChanged?.();
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="business-calendar">
      <Stack gap="sm">
        <Title order={4}>{t('promises.calendar.title')}</Title>
        {teams && teams.length > 0 && (
          <NativeSelect
            label={t('teams.calendar.scope')}
            data={[
              { value: WORKSPACE, label: t('teams.calendar.workspace') },
              ...teams.map((x) => ({ value: x.id, label: x.name })),
            ]}
            value={team ? team.id : WORKSPACE}
            onChange={(e) => {
              setScope(e.currentTarget.value);
              setSaved(false);
              setRemoved(null);
              setError(null);
            }}
            maw={360}
            data-testid="calendar-scope"
          />
        )}
        <Text size="sm" c="dimmed">
          {team ? t('teams.calendar.teamHint') : t('promises.calendar.hint')}
        </Text>
        {removed && (
          <Alert color="teal" data-testid="calendar-team-removed">
            {t('teams.calendar.removed', { team: removed })}
          </Alert>
        )}
        {team && followsWorkspace && !removed && (
          <Alert color="blue" data-testid="calendar-follows-workspace">
            {t('teams.calendar.followsWorkspace', { team: team.name })}
          </Alert>
        )}
        {isNew && (
          <Alert color="yellow" data-testid="calendar-none">
            {t('promises.calendar.none')}
          </Alert>
        )}
        <Select
          label={t('promises.calendar.timeZone')}
          data={zones}
          value={form.timeZone}
          onChange={(v) => {
            if (!v) return;
            setSaved(false);
            setForm({ ...form, timeZone: v });
          }}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('promises.calendar.noTimeZone')}
          maw={360}
          dir="ltr"
          data-testid="calendar-timezone"
        />
        <Title order={5}>{t('promises.calendar.weeklyHours')}</Title>
        {/* A week of opening hours is wider than a phone: it scrolls inside the card, not the page. */}
        <Table.ScrollContainer minWidth={600}>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="calendar-days">
            <Table.Tbody>
              {DISPLAY_ORDER.map((index) => {
                const day = form.days[index]!;
                const bad = day.open && !dayInterval(day);
                return (
                  <Table.Tr key={index} data-testid={`calendar-day-${index}`}>
                    <Table.Td w={140}>
                      <Text fw={500}>{weekdayNames[index]}</Text>
                    </Table.Td>
                    <Table.Td w={120}>
                      <Switch
                        checked={day.open}
                        onChange={(e) => setDay(index, { open: e.currentTarget.checked })}
                        label={day.open ? t('promises.calendar.open') : t('promises.calendar.closed')}
                        data-testid={`calendar-open-${index}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      {day.open && (
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <TextInput
                            type="time"
                            aria-label={t('promises.calendar.start', { day: weekdayNames[index] })}
                            value={day.start}
                            onChange={(e) => setDay(index, { start: e.currentTarget.value })}
                            dir="ltr"
                            miw={150}
                            data-testid={`calendar-start-${index}`}
                          />
                          <Text pt={6}>–</Text>
                          <TextInput
                            type="time"
                            aria-label={t('promises.calendar.end', { day: weekdayNames[index] })}
                            value={day.end}
                            onChange={(e) => setDay(index, { end: e.currentTarget.value })}
                            error={bad ? t('promises.calendar.endAfterStart') : undefined}
                            dir="ltr"
                            miw={150}
                            data-testid={`calendar-end-${index}`}
                          />
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Title order={5}>{t('promises.calendar.holidays')}</Title>
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label={t('promises.calendar.holidayDate')}
            // Read back in the interface's language: the field itself follows the browser's locale.
            description={holiday ? dateFormat.format(new Date(`${holiday}T12:00:00Z`)) : undefined}
            value={holiday}
            onChange={(e) => setHoliday(e.currentTarget.value)}
            dir="ltr"
            data-testid="calendar-holiday-date"
          />
          <Button variant="light" onClick={addHoliday} disabled={!holiday} data-testid="calendar-holiday-add">
            {t('promises.calendar.addHoliday')}
          </Button>
        </Group>
        {form.holidays.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('promises.calendar.noHolidays')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="calendar-holidays">
            {form.holidays.map((date) => (
              <Group key={date} gap="xs" data-testid="calendar-holiday">
                <Text size="sm">
                  {dateFormat.format(new Date(`${date}T00:00:00Z`))}{' '}
                  <Text span c="dimmed">
                    <bdi dir="ltr">{date}</bdi>
                  </Text>
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('promises.calendar.removeHoliday', { date })}
                  title={t('promises.calendar.removeHoliday', { date })}
                  onClick={() => {
                    setSaved(false);
                    setForm({ ...form, holidays: form.holidays.filter((d) => d !== date) });
                  }}
                  data-testid="calendar-holiday-remove"
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <ErrorAlert error={error} />
        {saved && (
          <Alert color="teal" data-testid="calendar-saved">
            {t('promises.calendar.saved')}
          </Alert>
        )}
        <Group justify="flex-end">
          {team && !followsWorkspace && (
            <Button
              variant="default"
              onClick={() => void followWorkspaceHours()}
              loading={busy}
              data-testid="calendar-use-workspace"
            >
              {t('teams.calendar.useWorkspace')}
            </Button>
          )}
          <Button onClick={() => void save()} loading={busy} disabled={invalid} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
