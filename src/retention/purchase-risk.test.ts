import { describe, expect, it } from 'vitest';
import { purchaseReasons, purchaseRisk, riskScore } from './purchase-risk.ts';
import { defaultRetentionSettings } from './retention-settings.ts';

const weights = defaultRetentionSettings().riskWeights; // overdue 35, lowPAlive 25

describe('the purchase half of churn risk', () => {
  it('full overdue points at three times their own gap, none within it', () => {
    // 4 repeat purchases over 120 days: a 30-day rhythm.
    expect(purchaseRisk({ x: 4, tx: 120, silence: 90, pAlive: 1 }, weights, 50)).toMatchObject({
      points: 35,
      overduePoints: 35,
      gapDays: 30,
    });
    expect(purchaseRisk({ x: 4, tx: 120, silence: 60, pAlive: 1 }, weights, 50)).toMatchObject({
      points: 17.5,
      overduePoints: 18,
    });
    expect(purchaseRisk({ x: 4, tx: 120, silence: 30, pAlive: 1 }, weights, 50)).toMatchObject({
      points: 0,
      overduePoints: 0,
    });
  });

  it('one-time buyers are measured against the workspace typical gap', () => {
    expect(purchaseRisk({ x: 0, tx: 0, silence: 150, pAlive: null }, weights, 50)).toMatchObject({
      gapDays: 50,
      overduePoints: 35,
      lowPAlivePoints: 0,
    });
  });

  it('low P(alive) is a reason only below one half, though it always adds points', () => {
    expect(purchaseRisk({ x: 2, tx: 10, silence: 0, pAlive: 0.2 }, weights, 30)).toMatchObject({
      points: 20,
      lowPAlivePoints: 20,
    });
    const half = purchaseRisk({ x: 2, tx: 10, silence: 0, pAlive: 0.6 }, weights, 30);
    expect(half.points).toBeCloseTo(10, 10);
    expect(half.lowPAlivePoints).toBe(0);
  });

  it('no purchases, no purchase risk', () => {
    expect(purchaseRisk({ x: 0, tx: 0, silence: null, pAlive: null }, weights, 30)).toMatchObject({
      points: 0,
      overduePoints: 0,
      lowPAlivePoints: 0,
    });
  });

  it('words the stored numbers back into reasons', () => {
    expect(purchaseReasons({ overduePoints: 35, gapDays: 32, lowPAlivePoints: 20 }, 281, 0.2004)).toEqual([
      { code: 'overdue', points: 35, days: 281, gapDays: 32 },
      { code: 'low_p_alive', points: 20, pAlive: 0.2 },
    ]);
    expect(purchaseReasons({ overduePoints: 0, gapDays: 32, lowPAlivePoints: 0 }, 10, 0.9)).toEqual([]);
  });

  it('the score rounds the sum once, half up, and stops at 100', () => {
    expect(riskScore(17.5, 0)).toBe(18);
    expect(riskScore(12.4, 0.2)).toBe(13);
    expect(riskScore(60, 45)).toBe(100);
  });
});
