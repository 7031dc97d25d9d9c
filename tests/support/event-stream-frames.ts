// Reads a Server-Sent Events response the way EventSource does, for the live desk's integration
// test and bench (GET /api/v1/live): calls `onData` with each event's `data:` text, in order.
import type { IncomingMessage } from 'node:http';

export function readEventStream(res: IncomingMessage, onData: (data: string) => void): void {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of frame.split('\n')) if (line.startsWith('data: ')) onData(line.slice(6));
      end = buffer.indexOf('\n\n');
    }
  });
}
