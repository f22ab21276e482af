import { api } from './harness.js';

export interface UnreadStream {
  /** Every unread count the server sent, in order. */
  counts: number[];
  close(): void;
}

/** Opens GET /api/notifications/events as the browser's EventSource would, and collects the counts. */
export async function openUnreadStream(server: { url: string }, cookie: string): Promise<UnreadStream> {
  const controller = new AbortController();
  const response = await api(server, '/notifications/events', cookie, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error('not an event stream');
  const counts: number[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (/^event: unread$/m.test(frame) && data) counts.push((JSON.parse(data) as { unread: number }).unread);
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return { counts, close: () => controller.abort() };
}
