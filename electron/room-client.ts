// The desktop side of a room: the contract's calls and the journal's event stream, sent to a room
// server (`vigie serve --listen … --tls-cert … --tls-key …`) over HTTPS with its certificate pinned.
// Plain Node (no 'electron'): the main process forwards the renderer's calls here when a room is
// open, and the tests drive it directly.
import { createWriteStream } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Agent, request, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { ERROR_CODES, type ApiErrorData, type Result } from '../shared/errors.js';
import { parseRoomAddress } from '../shared/room-address.js';

export type RoomEvent =
  | { event: 'hello'; data: { head: number; status: unknown } }
  | { event: 'journal'; data: { head: number; entries: unknown[] } }
  | { event: 'status'; data: unknown }
  | { event: 'reload'; data: { head: number } };

export interface RoomClient {
  readonly url: string;
  readonly fingerprint: string;
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Follows GET /events from `after` (null: from now); returns the stop. */
  events(after: number | null, onEvent: (e: RoomEvent) => void, onError?: (err: Error) => void): () => void;
  /**
   * GET `path` (e.g. `snapshot?after=12`) through the pinned connection; a 200's body is written to
   * `file`, any other status leaves it alone. Rejects when the room is unreachable.
   */
  download(path: string, file: string): Promise<{ status: number; headers: IncomingHttpHeaders }>;
  close(): void;
}

export class PinMismatchError extends Error {
  override name = 'PinMismatchError';
  constructor(url: string, expected: string, got: string | undefined) {
    super(
      `the room server at ${url} is not the pinned one: its certificate's SHA-256 fingerprint is ` +
        `${got ?? '(none)'}, the pinned fingerprint is ${expected}`,
    );
  }
}

/** The fingerprint a PinMismatchError's message names as the server's, or null for another message. */
export const presentedFingerprint = (message: string): string | null =>
  /is not the pinned one: its certificate's SHA-256 fingerprint is (\S+), the pinned/.exec(message)?.[1] ??
  null;

/** Whether an error message is the client's "the room … is unreachable (…)" (not a pin mismatch). */
export const isUnreachable = (message: string): boolean => / is unreachable \(/.test(message);

const CALL_TIMEOUT_MS = 30_000;
/** The server writes a heartbeat every 2 s: this long without one means the stream is dead. */
const STREAM_IDLE_MS = 10_000;
const RECONNECT_MS = 1000;
/** A snapshot may take a while to build; this long without a byte means the room is gone. */
const DOWNLOAD_IDLE_MS = 60_000;

/**
 * Trusts the server by its certificate's fingerprint alone. `rejectUnauthorized: false` switches
 * off the CA check, which a self-signed room certificate cannot pass; the pin below replaces it,
 * and is stricter (one certificate, not any a CA signed). It cannot go in `checkServerIdentity`:
 * Node skips that hook when the chain check already failed, as it does for a self-signed
 * certificate. So the socket is checked on 'secureConnect', which Node emits at the end of the
 * handshake before any request byte is sent, and destroyed on a mismatch. No session resumption,
 * so every connection shows its certificate.
 */
class PinnedAgent extends Agent {
  constructor(
    private readonly url: string,
    private readonly pin: string,
    keepAlive: boolean,
  ) {
    super({ keepAlive, rejectUnauthorized: false, maxCachedSessions: 0 });
  }

  override createConnection(
    options: RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, callback) as TLSSocket;
    socket.once('secureConnect', () => {
      const got = socket.getPeerCertificate().fingerprint256;
      if (got !== this.pin) socket.destroy(new PinMismatchError(this.url, this.pin, got));
    });
    return socket;
  }
}

export function openRoomClient(address: { url: string; fingerprint: string }): RoomClient {
  const parsed = parseRoomAddress(address);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  const { url, fingerprint } = parsed.value;
  const agent = new PinnedAgent(url, fingerprint, true);
  const streamAgent = new PinnedAgent(url, fingerprint, false);
  const stops = new Set<() => void>();
  // The room's session cookie for this desk (HttpOnly on the server's side: only we hold it).
  let session: string | null = null;
  const keep = (headers: IncomingHttpHeaders) => {
    const next = sessionFrom(headers['set-cookie']);
    if (next !== undefined) session = next;
  };
  const withSession = (h: Record<string, string | number>) => (session ? { ...h, cookie: session } : h);

  const internal = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } });
  const unreachable = (err: unknown) =>
    err instanceof PinMismatchError
      ? err.message
      : `the room ${url} is unreachable (${(err as Error).message || String(err)})`;

  async function call(name: string, input: unknown): Promise<Result<unknown>> {
    let status: number;
    let text: string;
    try {
      let headers: IncomingHttpHeaders;
      ({ status, text, headers } = await post(
        agent,
        new URL(`api/${encodeURIComponent(name)}`, url),
        input,
        withSession({}),
      ));
      keep(headers);
    } catch (err) {
      return internal(unreachable(err));
    }
    let body: unknown;
    try {
      body = text.length ? JSON.parse(text) : undefined;
    } catch {
      return internal(`the room ${url} answered HTTP ${status} with a body that is not JSON`);
    }
    if (status === 200) return { ok: true, value: body };
    const error = (body as { error?: Partial<ApiErrorData> } | undefined)?.error;
    if (error && ERROR_CODES.includes(error.code as never) && typeof error.message === 'string')
      return { ok: false, error: error as ApiErrorData };
    return internal(`the room ${url} answered HTTP ${status}`);
  }

  function events(
    after: number | null,
    onEvent: (e: RoomEvent) => void,
    onError: (err: Error) => void = () => {},
  ): () => void {
    let last = after;
    let generation = 0;
    let timer: NodeJS.Timeout | undefined;
    let current: ReturnType<typeof request> | undefined;
    let stopped = false;

    const connect = () => {
      const mine = ++generation;
      // Each way a connection ends comes here; only the first schedules the next one.
      const drop = (err?: Error) => {
        if (stopped || mine !== generation) return;
        generation++;
        if (err) onError(err);
        current?.destroy();
        timer = setTimeout(connect, RECONNECT_MS);
      };
      const path = last === null ? 'events' : `events?after=${last}`;
      current = request(new URL(path, url), {
        agent: streamAgent,
        headers: withSession({ accept: 'text/event-stream' }),
      });
      current.setTimeout(STREAM_IDLE_MS, () => drop(new Error('the event stream went quiet')));
      current.on('error', (err) => drop(err instanceof PinMismatchError ? err : new Error(unreachable(err))));
      current.on('response', (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          res.resume();
          return drop(new Error(`the room ${url} answered HTTP ${res.statusCode} to GET /events`));
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          const { events: got, rest } = parseEventStream(buffer);
          buffer = rest;
          for (const e of got) {
            // Resume from the last head heard of; a first hello (no resume point yet) gives it.
            if (e.event === 'journal' || e.event === 'reload') last = e.data.head;
            if (e.event === 'hello' && last === null) last = e.data.head;
            onEvent(e);
          }
        });
        res.on('close', () => drop(new Error('the event stream closed')));
      });
      current.end();
    };
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      current?.destroy();
      stops.delete(stop);
    };
    stops.add(stop);
    connect();
    return stop;
  }

  function download(path: string, file: string) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      const req = request(new URL(path, url), { agent, headers: withSession({}) }, (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          res.resume();
          return resolve({ status, headers: res.headers });
        }
        pipeline(res, createWriteStream(file)).then(
          () => resolve({ status, headers: res.headers }),
          (err: unknown) => reject(new Error(unreachable(err))),
        );
      });
      req.setTimeout(DOWNLOAD_IDLE_MS, () => req.destroy(new Error(`no data for ${DOWNLOAD_IDLE_MS} ms`)));
      req.on('error', (err) => reject(err instanceof PinMismatchError ? err : new Error(unreachable(err))));
      req.end();
    });
  }

  return {
    url,
    fingerprint,
    call,
    events,
    download,
    close: () => {
      for (const stop of [...stops]) stop();
      agent.destroy();
      streamAgent.destroy();
    },
  };
}

/** The session cookie a response sets ("name=value"), null when it clears it, undefined when it says nothing. */
export function sessionFrom(setCookie: string[] | undefined): string | null | undefined {
  const mine = (setCookie ?? []).find((c) => c.startsWith('vigie_session='));
  if (mine === undefined) return undefined;
  const pair = mine.split(';')[0] ?? '';
  return pair.length > 'vigie_session='.length ? pair : null;
}

function post(
  agent: Agent,
  target: URL,
  input: unknown,
  extra: Record<string, string | number>,
): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
  const body = input === undefined ? '' : JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: { ...extra, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(CALL_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${CALL_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

const EVENT_NAMES = new Set(['hello', 'journal', 'status', 'reload']);

/** Splits server-sent events off a buffer: the complete events, and what is left to wait for. */
export function parseEventStream(buffer: string): { events: RoomEvent[]; rest: string } {
  const events: RoomEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // a heartbeat comment
      const [field, value] = splitField(line);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (!EVENT_NAMES.has(event) || !data.length) continue;
    try {
      events.push({ event, data: JSON.parse(data.join('\n')) as unknown } as RoomEvent);
    } catch {
      // A malformed event is skipped; the next journal event carries the head forward.
    }
  }
  return { events, rest };
}

function splitField(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 0) return [line, ''];
  const value = line.slice(colon + 1);
  return [line.slice(0, colon), value.startsWith(' ') ? value.slice(1) : value];
}
