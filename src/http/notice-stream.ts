// The push stream to a browser (issue 16): Server-Sent Events over the request's own connection.
// Each notice says what changed (kind, case, event type), never the data; the browser refetches
// what it shows with its usual requests, which check permissions as always. A stream carries only
// its own workspace's notices, and is closed when the person's session or token stops being valid.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveNotice } from '../contract/live-types.ts';
import { onChange, type Change } from '../kernel/change-notice.ts';

/** A comment line this often keeps proxies from closing an idle stream, and re-checks the session. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** How soon EventSource reconnects after a drop. */
const RECONNECT_MS = 1_000;

export function noticeFor(change: Change, workspaceId: string): LiveNotice | null {
  switch (change.kind) {
    case 'desk':
      return change.workspaceId === workspaceId ? { kind: 'desk', caseId: change.caseId, what: change.what } : null;
    case 'presence':
      return change.workspaceId === workspaceId ? { kind: 'presence', caseId: change.caseId, what: null } : null;
    case 'resync':
      return { kind: 'resync', caseId: null, what: null };
    default:
      // Staff, calendar and settings notices are this process's cache keeping.
      return null;
  }
}

/** Takes over the response and streams notices until the client leaves or `stillAllowed` says no. */
export function openNoticeStream(
  request: FastifyRequest,
  reply: FastifyReply,
  workspaceId: string,
  stillAllowed: () => Promise<boolean>,
): void {
  reply.hijack();
  const raw = reply.raw;
  // The security headers fastify's hooks set on the reply still apply to the stream.
  const inherited = Object.entries(reply.getHeaders()).filter(
    (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
  );
  raw.writeHead(200, {
    ...Object.fromEntries(inherited),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // A buffering reverse proxy would hold notices back.
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${RECONNECT_MS}\n: live\n\n`);
  request.socket.setNoDelay(true);
  let open = true;
  const stop = onChange((change) => {
    const notice = noticeFor(change, workspaceId);
    if (notice) raw.write(`data: ${JSON.stringify(notice)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    stillAllowed().then(
      (allowed) => {
        if (!open) return;
        if (allowed) raw.write(': beat\n\n');
        else raw.end();
      },
      () => undefined,
    );
  }, STREAM_HEARTBEAT_MS);
  heartbeat.unref();
  raw.on('close', () => {
    open = false;
    stop();
    clearInterval(heartbeat);
  });
}
