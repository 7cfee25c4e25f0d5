import { auth, authHeaders } from './auth';

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses Server-Sent Events text as it arrives, in pieces: feed it chunks, it returns the complete events. Follows the
 * standard's rules for the fields the API sends (event, data, id; comments ignored; one space after the colon dropped).
 */
export class SseParser {
  private buffer = '';
  private event = 'message';
  private data: string[] = [];
  private id: string | undefined;

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let end: number;
    while ((end = this.buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      if (line === '') {
        if (this.data.length > 0) {
          events.push({ event: this.event, data: this.data.join('\n'), id: this.id });
        }
        this.event = 'message';
        this.data = [];
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) {
        continue;
      }
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      value = value.startsWith(' ') ? value.slice(1) : value;
      if (field === 'event') {
        this.event = value;
      } else if (field === 'data') {
        this.data.push(value);
      } else if (field === 'id') {
        this.id = value;
      }
    }
    return events;
  }
}

/**
 * Follows an event stream of the API with the console's credentials (EventSource cannot send an Authorization header).
 * When the connection drops before an 'end' event, it comes back after a second with the Last-Event-ID it had, so the
 * server sends only what it missed.
 */
export function follow(path: string, onEvent: (event: SseEvent) => void, onEnd: (reason: string) => void = () => {}): () => void {
  const abort = new AbortController();
  let lastId: string | undefined;
  let ended = false;
  const run = async (): Promise<void> => {
    while (!ended && !abort.signal.aborted) {
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await authHeaders()) };
        if (lastId !== undefined) {
          headers['Last-Event-ID'] = lastId;
        }
        const response = await fetch(path, { headers, signal: abort.signal });
        if (!response.ok || !response.body) {
          if (response.status === 404 || response.status === 401) {
            ended = true;
            onEnd(response.status === 404 ? 'not found' : 'unauthorized');
            if (response.status === 401) {
              await auth().unauthorized();
            }
            return;
          }
          throw new Error(`HTTP ${response.status}`);
        }
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          for (const event of parser.feed(value)) {
            if (event.id !== undefined) {
              lastId = event.id;
            }
            if (event.event === 'end') {
              ended = true;
              onEnd(event.data);
            } else {
              onEvent(event);
            }
          }
        }
      } catch (error) {
        if (abort.signal.aborted) {
          return;
        }
      }
      if (!ended) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  void run();
  return () => abort.abort();
}
