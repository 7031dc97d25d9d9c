import { useState } from 'react';
import { Group, NumberInput, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const UNITS = [
  ['days', 1440],
  ['hours', 60],
  ['minutes', 1],
] as const;
type Unit = (typeof UNITS)[number][0];

/** The largest unit the stored minutes are a whole number of: 4320 → 3 days, 90 → 90 minutes. */
export function readableUnit(minutes: number): Unit {
  if (minutes <= 0) return 'hours';
  return UNITS.find(([, size]) => minutes % size === 0)?.[0] ?? 'minutes';
}

/**
 * A span of time stored in minutes, typed in days, hours or minutes: "3 days" rather than 4320.
 * The unit is chosen once from the stored value, then the person's choice is kept.
 */
export function DurationInput({
  label,
  minutes,
  onChange,
  testId,
}: {
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(() => readableUnit(minutes));
  const size = UNITS.find(([u]) => u === unit)![1];
  return (
    <Group gap={6} align="flex-end" wrap="nowrap">
      <NumberInput
        label={label}
        min={0}
        decimalScale={unit === 'minutes' ? 0 : 2}
        value={Math.round((minutes / size) * 100) / 100}
        onChange={(v) => onChange(Math.round((typeof v === 'number' ? v : Number(v) || 0) * size))}
        style={{ flex: 1, minWidth: 0 }}
        data-testid={testId}
      />
      <NativeSelect
        aria-label={t('deskpolish.duration.unit', { label })}
        value={unit}
        onChange={(e) => setUnit(e.currentTarget.value as Unit)}
        data={UNITS.map(([u]) => ({ value: u, label: t(`deskpolish.duration.${u}`) }))}
        w={110}
        data-testid={`${testId}-unit`}
      />
    </Group>
  );
}
