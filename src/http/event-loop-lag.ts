import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { EventLoopLag } from '../contract/email-outbound-types.ts';

// How late the event loop has been lately (issue 14): every request, SMTP connection and timer
// of this process waits behind whatever runs on it, so a long synchronous stretch (a hostile
// message's analysis) shows here before anywhere else. Node samples the loop with a timer every
// RESOLUTION_MS; a sample is the time between two ticks, so the lag is what exceeds the period.

const RESOLUTION_MS = 10;
/** The figures cover the current window and the one before: never an empty window just after a turn. */
const WINDOW_MS = 30_000;

export interface EventLoopLagMonitor {
  read(): EventLoopLag;
  stop(): void;
}

interface WindowFigures {
  p99: number;
  max: number;
}

const lagOf = (nanoseconds: number) => Math.max(0, Math.round((nanoseconds / 1e6 - RESOLUTION_MS) * 10) / 10);

function figuresOf(histogram: IntervalHistogram): WindowFigures {
  if (histogram.count === 0) return { p99: 0, max: 0 };
  return { p99: lagOf(histogram.percentile(99)), max: lagOf(histogram.max) };
}

/** Starts sampling this process's event loop; `stop` when the server closes. */
export function monitorEventLoopLag(): EventLoopLagMonitor {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let previous: WindowFigures = { p99: 0, max: 0 };
  const turn = setInterval(() => {
    previous = figuresOf(histogram);
    histogram.reset();
  }, WINDOW_MS);
  turn.unref();
  return {
    read() {
      const current = figuresOf(histogram);
      return {
        lagMsP99: Math.max(current.p99, previous.p99),
        lagMsMax: Math.max(current.max, previous.max),
        windowSeconds: (2 * WINDOW_MS) / 1000,
      };
    },
    stop() {
      clearInterval(turn);
      histogram.disable();
    },
  };
}
