// The console's sends to the room's TAK server (sendToTak, takSendStatus): a listener on 127.0.0.1
// stands in for the TAK server and parses what arrives with node-cot. Only what the chosen audience
// may see is sent; the call answers before the network does, and the outcome is journaled. On
// SQLite and, in integration-pg, on PostgreSQL. Never any other address than loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { ApiError } from '../../shared/errors.js';
import { fixedClock } from '../../shared/clock.js';
import { testDatabase } from '../support/backend.js';
import { paths } from '../support/temp.js';
import { REAL_START } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';
import { readCot } from '../support/exchange-read.js';

const servers: Server[] = [];
const apps: { close(): void }[] = [];
afterEach(() => {
  while (servers.length) servers.pop()?.close();
  while (apps.length) apps.pop()?.close();
});

/** A TAK-like listener: `received` is what the first client sent, once it closed. */
async function takServer() {
  const server = createServer();
  servers.push(server);
  const received = new Promise<string>((resolve) =>
    server.on('connection', (socket: Socket) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, received };
}

function room(port: number | null) {
  const app = openVigie({
    dbPath: testDatabase(),
    resourcesDir: paths.resources,
    real: fixedClock(REAL_START),
    headFile: null,
    tak: port === null ? null : { host: '127.0.0.1', port },
  });
  apps.push(app);
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new ApiError(r.error);
    return r.value as CallOutput<K>;
  };
  const refusal = (name: CallName, input: unknown) => {
    const r = dispatch(app.handlers, name, input, desk);
    return r.ok ? 'accepted' : `${r.error.code}: ${r.error.message}`;
  };
  return { app, desk, call, refusal };
}

async function settled(call: ReturnType<typeof room>['call'], id: string) {
  for (let i = 0; i < 500; i++) {
    const s = call('takSendStatus', { id });
    if (s.state !== 'sending') return s;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the send never settled');
}

describe("the console's sends to the room's TAK server", () => {
  it('sends what every partner may see, answers at once, and journals the outcome', async () => {
    const tak = await takServer();
    const r = room(tak.port);
    signInAs(r.call, 'officer');
    const frenchOnly = r.call('createIncident', {
      category: 'disorder',
      priority: 1,
      title: 'Frenchonly fight',
      description: 'x',
      source: 'radio',
      lat: 48.86,
      lon: 2.29,
      marking: [],
    });
    // A watch officer may not release data to partners' tools.
    expect(r.refusal('sendToTak', { what: 'all', releasableTo: 'ALL' })).toMatch(/^forbidden/);
    signInAs(r.call, 'supervisor');
    expect(r.call('getTakServer', {})).toEqual({ to: `127.0.0.1:${tak.port}`, tls: false });

    const started = r.call('sendToTak', { what: 'incidents', releasableTo: 'ALL' });
    expect(started).toMatchObject({ state: 'sending', to: `127.0.0.1:${tak.port}`, error: null });
    const events = readCot(await tak.received);
    expect(events.length).toBe(started.events);
    expect(events.length).toBeGreaterThan(0);
    // The French-only incident stays home: its uid never reaches the TAK server.
    expect(JSON.stringify(events)).not.toContain(frenchOnly.id);
    expect(await settled(r.call, started.id)).toMatchObject({ state: 'sent', error: null });
    const [entry] = r.call('listJournal', { limit: 1, action: 'exchange.tak_sent' });
    expect(entry).toMatchObject({ role: 'supervisor', entityId: started.id });
    expect(entry?.data).toMatchObject({ releasableTo: 'ALL', events: started.events, sent: started.events });
  });

  it('reports a TAK server that does not answer as failed, journaled, and refuses when none is set', async () => {
    const gone = await takServer();
    await new Promise<void>((done) => servers.pop()?.close(() => done()));
    const r = room(gone.port);
    signInAs(r.call, 'supervisor');
    const started = r.call('sendToTak', { what: 'units', releasableTo: 'ES' });
    const outcome = await settled(r.call, started.id);
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toMatch(/ECONNREFUSED/);
    const [entry] = r.call('listJournal', { limit: 1, action: 'exchange.tak_failed' });
    expect(entry?.entityId).toBe(started.id);

    const none = room(null);
    signInAs(none.call, 'supervisor');
    expect(none.call('getTakServer', {})).toEqual({ to: null, tls: false });
    expect(none.refusal('sendToTak', { what: 'units', releasableTo: 'ALL' })).toMatch(
      /^conflict: No TAK server is set for this room: start vigie serve with --tak HOST:PORT/,
    );
    expect(none.refusal('sendToTak', { what: 'units', releasableTo: 'spain' })).toMatch(/^invalid_input/);
  });
});
