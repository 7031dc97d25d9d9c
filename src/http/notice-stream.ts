// The push stream to a browser (issue 16): Server-Sent Events over the request's own connection.
// Each notice says what changed (kind, case, event type), never the data; the browser refetches
// what it shows with its usual requests, which check permissions as always. A stream carries only
// its own workspace's notices, and is closed when the person's session or token stops being valid.
// A browser that does not read (a frozen tab, a dead network) must not make the server buffer without
// bound: past the socket's high-water mark a stream writes nothing more, keeps at most a few notices, and
// when it drains says "resync" once instead of what it missed; a stream stalled that long is dropped, and
// the browser's EventSource reconnects and refetches everything.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LiveNotice } from '../contract/live-types.ts';
import { onChange, type Change } from '../kernel/change-notice.ts';

/** A comment line this often keeps proxies from closing an idle stream, and re-checks the session. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** How soon EventSource reconnects after a drop. */
const RECONNECT_MS = 1_000;
/** Notices kept while a stream cannot take them (its socket full, or its credentials being re-checked). */
export const MAX_QUEUED_NOTICES = 64;
/** Tests shorten the stall; a stream whose client has read nothing for this long is dropped. */
export const streamLimits = { stallMs: 30_000 };
// setTimeout's longest delay (~24.8 days); a later expiry is re-checked by the heartbeat anyway.
const MAX_TIMER_MS = 2_147_483_647;

const RESYNC_FRAME = frame({ kind: 'resync', caseId: null, what: null });

export function noticeFor(change: Change, workspaceId: string): LiveNotice | null {
  switch (change.kind) {
    case 'desk':
      return change.workspaceId === workspaceId ? { kind: 'desk', caseId: change.caseId, what: change.what } : null;
    case 'presence':
      return change.workspaceId === workspaceId ? { kind: 'presence', caseId: change.caseId, what: null } : null;
    case 'resync':
      return { kind: 'resync', caseId: null, what: null };
    default:
      // Staff, calendar, settings and access notices are this process's own keeping.
      return null;
  }
}

function frame(notice: LiveNotice): string {
  return `data: ${JSON.stringify(notice)}\n\n`;
}

/** Who the stream is for, and how it learns that they may no longer read it. */
export interface StreamAccess {
  workspaceId: string;
  userId: string;
  /** Asks the store again whether the request's session or token still holds. */
  stillAllowed(): Promise<boolean>;
  /** When the session ends by itself (null: an API token, or unknown). */
  expiresAt(): Promise<Date | null>;
  now(): Date;
}

interface OpenStream {
  /** Bytes written to the response and not yet handed to the socket. */
  buffered(): number;
  queued(): number;
}
const openStreams = new Set<OpenStream>();

/** This process's open streams, and the most any of them holds unsent: what a slow client can cost. */
export function noticeStreamStats(): { open: number; maxBufferedBytes: number; maxQueued: number } {
  let maxBufferedBytes = 0;
  let maxQueued = 0;
  for (const s of openStreams) {
    maxBufferedBytes = Math.max(maxBufferedBytes, s.buffered());
    maxQueued = Math.max(maxQueued, s.queued());
  }
  return { open: openStreams.size, maxBufferedBytes, maxQueued };
}

/** Takes over the response and streams notices until the client leaves or its access ends. */
export function openNoticeStream(request: FastifyRequest, reply: FastifyReply, access: StreamAccess): void {
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
  /** The socket took no more (write returned false) and has not drained yet. */
  let blocked = false;
  /** Credential checks under way: notices wait, so none is written after access ended. */
  let checking = 0;
  let queue: string[] = [];
  /** More was missed than the queue holds: one resync replaces it. */
  let overflowed = false;
  let stallTimer: NodeJS.Timeout | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;

  const finish = () => {
    if (!open) return;
    open = false;
    // A blocked socket would hold its buffer until the client reads: let it go at once.
    if (blocked) raw.destroy();
    else raw.end();
  };
  const write = (text: string) => {
    if (raw.write(text)) return;
    blocked = true;
    stallTimer = setTimeout(() => {
      open = false;
      raw.destroy();
    }, streamLimits.stallMs);
    stallTimer.unref();
  };
  const flush = () => {
    if (!open || blocked || checking > 0) return;
    if (overflowed) {
      overflowed = false;
      queue = [];
      write(RESYNC_FRAME);
      return;
    }
    while (queue.length > 0 && !blocked) write(queue.shift()!);
  };
  const push = (text: string) => {
    if (overflowed) return;
    if (queue.length >= MAX_QUEUED_NOTICES) {
      overflowed = true;
      queue = [];
      return;
    }
    queue.push(text);
    flush();
  };
  raw.on('drain', () => {
    blocked = false;
    if (stallTimer) clearTimeout(stallTimer);
    stallTimer = null;
    flush();
  });
  const recheck = () => {
    checking++;
    access.stillAllowed().then(
      (allowed) => {
        checking--;
        if (!allowed) finish();
        else flush();
      },
      () => {
        // The store did not answer: keep the stream; the next heartbeat asks again.
        checking--;
        flush();
      },
    );
  };

  const stop = onChange((change) => {
    if (!open) return;
    if (change.kind === 'access') {
      if (change.userId === access.userId) recheck();
      return;
    }
    const notice = noticeFor(change, access.workspaceId);
    if (!notice) return;
    push(frame(notice));
    // Notices were lost across instances; an access ended meanwhile would be among them.
    if (change.kind === 'resync') recheck();
  });
  const heartbeat = setInterval(() => {
    if (!open) return;
    if (!blocked && checking === 0) write(': beat\n\n');
    recheck();
  }, STREAM_HEARTBEAT_MS);
  heartbeat.unref();
  access.expiresAt().then(
    (at) => {
      if (!at || !open) return;
      expiryTimer = setTimeout(recheck, Math.min(Math.max(0, at.getTime() - access.now().getTime()), MAX_TIMER_MS));
      expiryTimer.unref();
    },
    () => undefined,
  );
  const self: OpenStream = { buffered: () => raw.writableLength, queued: () => queue.length };
  openStreams.add(self);
  raw.on('close', () => {
    open = false;
    openStreams.delete(self);
    stop();
    clearInterval(heartbeat);
    if (stallTimer) clearTimeout(stallTimer);
    if (expiryTimer) clearTimeout(expiryTimer);
  });
}
