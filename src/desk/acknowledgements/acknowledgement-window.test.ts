import { describe, expect, it } from 'vitest';
import { shouldAcknowledge } from './acknowledgement-window.ts';

const t0 = new Date('2026-03-02T10:00:00.000Z');
const plus = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('shouldAcknowledge', () => {
  it('acknowledges the first message on a case', () => {
    expect(shouldAcknowledge(null, t0, 15)).toBe(true);
  });

  it('acknowledges repeat messages inside the window only once', () => {
    expect(shouldAcknowledge(t0, plus(0), 15)).toBe(false);
    expect(shouldAcknowledge(t0, plus(1), 15)).toBe(false);
    expect(shouldAcknowledge(t0, plus(14.99), 15)).toBe(false);
  });

  it('acknowledges again once the window has passed (the boundary included)', () => {
    expect(shouldAcknowledge(t0, plus(15), 15)).toBe(true);
    expect(shouldAcknowledge(t0, plus(60 * 24), 15)).toBe(true);
  });

  it('counts the window from the last acknowledgement, so a steady stream is re-acknowledged', () => {
    let last: Date | null = null;
    const acknowledged: number[] = [];
    for (let minute = 0; minute <= 40; minute += 5) {
      if (shouldAcknowledge(last, plus(minute), 15)) {
        acknowledged.push(minute);
        last = plus(minute);
      }
    }
    expect(acknowledged).toEqual([0, 15, 30]);
  });

  it('treats a message stamped before the last acknowledgement as already covered', () => {
    expect(shouldAcknowledge(t0, plus(-3), 15)).toBe(false);
  });

  it('acknowledges everything when the window is zero or invalid', () => {
    expect(shouldAcknowledge(t0, t0, 0)).toBe(true);
    expect(shouldAcknowledge(t0, plus(1), -5)).toBe(true);
    expect(shouldAcknowledge(t0, plus(1), Number.NaN)).toBe(true);
  });
});
