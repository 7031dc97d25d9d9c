// A subscriber to a Kept instance's push stream (GET /api/v1/live) over a real socket, as a browser's
// EventSource would hold it: collects the notices, and waits for one that matches.
import http from 'node:http';
import type { LiveNotice } from '../../../src/contract/live-types.ts';
import { readEventStream } from '../../support/event-stream-frames.ts';

export interface LiveSubscriber {
  notices: LiveNotice[];
  /** Resolves with the first notice (already received or coming) that matches, or rejects after `ms`. */
  waitFor(match: (notice: LiveNotice) => boolean, ms?: number): Promise<LiveNotice>;
  /** Resolves when the server ends the stream (or the connection drops). */
  ended: Promise<void>;
  close(): void;
}

export function subscribeLive(baseUrl: string, cookie: string): Promise<LiveSubscriber> {
  return new Promise((resolve, reject) => {
    const notices: LiveNotice[] = [];
    const waiting = new Set<() => void>();
    const request = http.get(`${baseUrl}/api/v1/live`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`live stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
      });
      readEventStream(res, (data) => {
        notices.push(JSON.parse(data) as LiveNotice);
        for (const wake of waiting) wake();
      });
      resolve({
        notices,
        ended,
        waitFor(match, ms = 5_000) {
          return new Promise((done, fail) => {
            const check = () => {
              const found = notices.find(match);
              if (!found) return;
              waiting.delete(check);
              clearTimeout(timer);
              done(found);
            };
            const timer = setTimeout(() => {
              waiting.delete(check);
              fail(new Error(`no matching notice within ${ms} ms; got ${JSON.stringify(notices)}`));
            }, ms);
            waiting.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}
