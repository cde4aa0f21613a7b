// The pure parts of a room: what "Open room…" accepts, where a room server may listen and whom it
// answers, and how the desktop reads the server's event stream.
import { describe, expect, it } from 'vitest';
import { normalizeFingerprint, parseRoomAddress } from '../../shared/room-address.js';
import { allowedHosts, isLoopback, listenPlan, publicUrl, type Listen } from '../../electron/host/listen.js';
import { parseEventStream } from '../../electron/room-client.js';
import { roomArgument } from '../../electron/room-session.js';

const HEX = 'ab'.repeat(32);
const CANONICAL = Array(32).fill('AB').join(':');

describe('the Open room inputs', () => {
  it('accepts an https URL and a SHA-256 fingerprint with or without colons, in any case', () => {
    for (const fingerprint of [HEX, HEX.toUpperCase(), CANONICAL, CANONICAL.toLowerCase(), ` ${CANONICAL} `])
      expect(parseRoomAddress({ url: 'https://room.local:8443', fingerprint })).toEqual({
        ok: true,
        value: { url: 'https://room.local:8443/', fingerprint: CANONICAL },
      });
    // As openssl x509 -fingerprint -sha256 prints it.
    expect(normalizeFingerprint(`sha256 Fingerprint=${CANONICAL}`)).toBe(CANONICAL);
  });

  it('refuses other schemes, paths, credentials and non-URLs, naming the url field', () => {
    for (const url of [
      'http://room.local:8443/',
      'room.local:8443',
      'https://room.local/api',
      'https://u:p@room.local/',
      'ftp://x',
      '',
    ])
      expect(parseRoomAddress({ url, fingerprint: HEX })).toMatchObject({
        ok: false,
        issues: [{ path: 'url' }],
      });
  });

  it('refuses a fingerprint that is not 64 hex digits (SHA-1, odd colons, other letters), naming it', () => {
    for (const fingerprint of [
      '',
      'ab'.repeat(20),
      HEX.slice(1),
      `${HEX}ab`,
      'zz'.repeat(32),
      `${CANONICAL}:`,
      'abc:d' + HEX.slice(5),
    ])
      expect(parseRoomAddress({ url: 'https://room.local/', fingerprint })).toMatchObject({
        ok: false,
        issues: [{ path: 'fingerprint' }],
      });
    const both = parseRoomAddress({ url: 'http://x/', fingerprint: 'x' });
    expect(both.ok ? [] : both.issues.map((i) => i.path)).toEqual(['url', 'fingerprint']);
  });
});

describe('where a room server listens', () => {
  it('stays on loopback without TLS and refuses any other address, naming the flags', () => {
    expect(listenPlan({})).toEqual({ address: '127.0.0.1' });
    expect(listenPlan({ listen: '127.0.0.2' })).toEqual({ address: '127.0.0.2' });
    expect(listenPlan({ listen: '::1' })).toEqual({ address: '::1' });
    for (const listen of ['192.168.1.10', '0.0.0.0', '::', '10.0.0.5'])
      expect(() => listenPlan({ listen })).toThrow(/--tls-cert FILE and --tls-key FILE/);
    expect(() => listenPlan({ listen: 'room.local' })).toThrow(/--listen: expected an IP address/);
    expect(() => listenPlan({ cert: 'a.pem' })).toThrow(/--tls-cert and --tls-key go together/);
    expect(isLoopback('127.255.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
  });

  it('answers loopback names, and with TLS the address and the certificate names, each with the port', () => {
    expect(allowedHosts({ address: '127.0.0.1' }, 80)).toEqual(['127.0.0.1:80', 'localhost:80']);
    const tls = { cert: '', key: '', fingerprint: CANONICAL, names: ['room.local', '10.0.0.5', 'fe80::1'] };
    const lan: Listen = { address: '10.0.0.5', tls };
    expect(allowedHosts(lan, 8443).sort()).toEqual(
      ['127.0.0.1:8443', 'localhost:8443', '10.0.0.5:8443', 'room.local:8443', '[fe80::1]:8443'].sort(),
    );
    expect(publicUrl(lan, 8443)).toBe('https://10.0.0.5:8443/');
    expect(publicUrl({ address: '0.0.0.0', tls }, 8443)).toBe('https://room.local:8443/');
    expect(allowedHosts({ address: '0.0.0.0', tls }, 1)).not.toContain('0.0.0.0:1');
    expect(publicUrl({ address: '127.0.0.1' }, 5173)).toBe('http://127.0.0.1:5173/');
  });
});

describe('the event stream reader', () => {
  it('returns complete events, skips heartbeats and unknown events, and keeps the unfinished rest', () => {
    const text =
      'retry: 1000\n\nevent: hello\ndata: {"head":3,"status":{"state":"ok"}}\n\n: ping\n\n' +
      'event: other\ndata: {}\n\nevent: journal\ndata: {"head":4,"entries":[]}\n\nevent: rel';
    const { events, rest } = parseEventStream(text);
    expect(events).toEqual([
      { event: 'hello', data: { head: 3, status: { state: 'ok' } } },
      { event: 'journal', data: { head: 4, entries: [] } },
    ]);
    expect(rest).toBe('event: rel');
    expect(parseEventStream(`${rest}oad\ndata: {"head":900}\n\n`).events).toEqual([
      { event: 'reload', data: { head: 900 } },
    ]);
    expect(parseEventStream('event: journal\ndata: {broken\n\n').events).toEqual([]);
  });
});

describe('the desktop command line', () => {
  it('reads --room and --room-fingerprint, both or neither', () => {
    expect(roomArgument(['electron', '.', '--db', 'x.db'])).toBeNull();
    expect(roomArgument(['--room', 'https://r/', `--room-fingerprint=${HEX}`])).toEqual({
      url: 'https://r/',
      fingerprint: HEX,
    });
    expect(() => roomArgument(['--room', 'https://r/'])).toThrow(/go together/);
    expect(roomArgument(['--', '--room', 'x'])).toBeNull();
  });
});
