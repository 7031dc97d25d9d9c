import { ScrollArea, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Settings in sections, one per address (/app/settings/<section>), instead of one page of every panel. */
export const SETTINGS_SECTIONS = ['people', 'desk', 'hours', 'email', 'api'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The section an address names; an unknown or missing one opens the first. */
export function settingsSection(value: string | undefined): SettingsSection {
  return (SETTINGS_SECTIONS as readonly string[]).includes(value ?? '') ? (value as SettingsSection) : 'people';
}

export function SettingsSectionTabs({
  section,
  onChange,
}: {
  section: SettingsSection;
  onChange: (section: SettingsSection) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={section} onChange={(v) => v && onChange(settingsSection(v))} keepMounted={false}>
      {/* On a phone the tabs scroll sideways rather than wrap into a block of buttons. */}
      <ScrollArea type="never" offsetScrollbars={false}>
        <Tabs.List style={{ flexWrap: 'nowrap' }} data-testid="settings-sections">
          {SETTINGS_SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`settings-section-${s}`}>
              {t(`deskpolish.settings.sections.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </ScrollArea>
    </Tabs>
  );
}
