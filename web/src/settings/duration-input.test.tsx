import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import '../i18n/i18n.ts';
import { DurationInput, readableUnit } from './duration-input.tsx';

describe('a span of time typed in days, hours or minutes', () => {
  it('shows stored minutes in the largest whole unit', () => {
    expect(readableUnit(4320)).toBe('days');
    expect(readableUnit(480)).toBe('hours');
    expect(readableUnit(90)).toBe('minutes');
    expect(readableUnit(0)).toBe('hours');
  });

  it('reads 4320 minutes as 3 days and stores what is typed back in minutes', () => {
    const onChange = vi.fn();
    render(
      <MantineProvider>
        <DurationInput label="Total waiting time" minutes={4320} onChange={onChange} testId="wait" />
      </MantineProvider>,
    );
    const input = screen.getByTestId('wait') as HTMLInputElement;
    expect(input.value).toBe('3');
    expect((screen.getByTestId('wait-unit') as HTMLSelectElement).value).toBe('days');
    fireEvent.change(input, { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith(2880);
    fireEvent.change(screen.getByTestId('wait-unit'), { target: { value: 'hours' } });
    expect((screen.getByTestId('wait') as HTMLInputElement).value).toBe('72');
  });
});
