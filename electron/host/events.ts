// GET /events: the console's live feed as server-sent events. On connect the desk says the last
// entry it has (?after=N) and gets what it missed; then each move of the journal brings the new
// entries (what changed, not the data: the desk reads the rows it shows), and each change of the
// room's reachability a status. Entries pass the desk's filter first (releasability: a desk hears
// nothing of an item it may not see); a move that passed carries the unit's new position to a desk
// that may read the units.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JournalEntry } from '../../shared/domain.js';
import { pushedEntries } from '../../shared/live.js';
import type { FeedEvent, JournalFeed } from '../services/feed.js';
import type { Desk } from '../services/desk.js';

/** Above this many missed entries the desk is told to reload everything instead. */
const BATCH = 500;
const HEARTBEAT_MS = 2000;

export interface EventStreamOptions {
  visible?: (e: JournalEntry) => boolean;
  /** The desk the stream is for: only entries it may read are sent (feed.readableBy). */
  desk?: Desk;
  /** The wall screen hears what changed, not who changed it. */
  withoutOperators?: boolean;
}

export function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  feed: JournalFeed,
  after: number | null,
  o: EventStreamOptions = {},
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  // EventSource reconnects after this long when the stream drops.
  res.write('retry: 1000\n\n');
  const desk = o.desk;
  const visible = o.visible ?? (desk ? feed.readableBy(desk) : undefined);
  let sent = after ?? feed.head();
  send('hello', { head: feed.head(), status: feed.status() });

  const push = () => {
    const head = feed.head();
    if (head <= sent) return;
    try {
      const entries = feed.entriesAfter(sent, BATCH + 1);
      if (entries.length > BATCH) {
        send('reload', { head });
        sent = head;
        return;
      }
      const live = pushedEntries(entries, visible, desk ? feed.positionsFor(desk) : false);
      sent = entries.at(-1)?.seq ?? head;
      send('journal', {
        head: sent,
        entries: o.withoutOperators ? live.map((e) => ({ ...e, operator: '—' })) : live,
      });
    } catch {
      // The database did not answer: the status event says so; the next move retries from `sent`.
    }
  };
  const onEvent = (e: FeedEvent) => {
    if (e.kind === 'moved') push();
    else send('status', e.status);
  };
  const unsubscribe = feed.subscribe(onEvent);
  push();
  // A comment line now and then keeps proxies and idle timers from closing a quiet stream.
  const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(beat);
    unsubscribe();
  });
}
