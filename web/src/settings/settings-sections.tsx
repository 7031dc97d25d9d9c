import { ScrollArea, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Settings in sections, one per address (/app/settings/<section>), instead of one page of every panel. */
export const SETTINGS_SECTIONS = ['people', 'desk', 'hours', 'email', 'api', 'replies'] as const;
/** What every agent may open in Settings: their own canned replies (and the shared ones to read). */
export const STAFF_SECTIONS: readonly SettingsSection[] = ['replies'];
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The section an address names; an unknown or missing one opens the first. */
export function settingsSection(value: string | undefined, isAdmin = true): SettingsSection {
  const open: readonly SettingsSection[] = isAdmin ? SETTINGS_SECTIONS : STAFF_SECTIONS;
  return (open as readonly string[]).includes(value ?? '') ? (value as SettingsSection) : open[0]!;
}

/** A section's name; the canned replies' lives in their own locale bundle (answering). */
export function sectionLabelKey(section: SettingsSection): string {
  return section === 'replies' ? 'answering.replies.title' : `deskpolish.settings.sections.${section}`;
}

export function SettingsSectionTabs({
  section,
  sections = SETTINGS_SECTIONS,
  onChange,
}: {
  section: SettingsSection;
  sections?: readonly SettingsSection[];
  onChange: (section: SettingsSection) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={section} onChange={(v) => v && onChange(settingsSection(v))} keepMounted={false}>
      {/* On a phone the tabs scroll sideways rather than wrap into a block of buttons. */}
      <ScrollArea type="never" offsetScrollbars={false}>
        <Tabs.List style={{ flexWrap: 'nowrap' }} data-testid="settings-sections">
          {sections.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`settings-section-${s}`}>
              {t(sectionLabelKey(s))}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </ScrollArea>
    </Tabs>
  );
}
