import { describe, expect, it } from 'vitest';
import { monitorEventLoopLag } from './event-loop-lag.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('monitorEventLoopLag', () => {
  it('shows a stretch of synchronous work as lag, and nothing below zero', async () => {
    const monitor = monitorEventLoopLag();
    try {
      await sleep(50);
      const quiet = monitor.read();
      expect(quiet.lagMsP99).toBeGreaterThanOrEqual(0);
      expect(quiet.windowSeconds).toBe(60);
      // The loop held for 300 ms: the next sample comes that late (a wide margin below it).
      const until = Date.now() + 300;
      while (Date.now() < until);
      await sleep(50);
      const busy = monitor.read();
      expect(busy.lagMsMax).toBeGreaterThan(200);
      expect(busy.lagMsMax).toBeGreaterThanOrEqual(busy.lagMsP99);
    } finally {
      monitor.stop();
    }
  });
});
