// `vigie export` in the exchange formats from a shell, and CoT events sent to a TAK server: a
// listener on 127.0.0.1 (plain TCP, then TLS with client certificates) parses what arrives with
// node-cot. Never any other address than loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/temp.js';
import { runCli } from '../support/cli-run.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';
import { readCot, readKmlFile } from '../support/exchange-read.js';
import { clientCertificate } from '../support/client-cert.js';

const run = runCli;
const exportDb = (db: string, ...argv: string[]) => runCli('export', '--db', db, ...argv);

/** A database with a zone released to Spain only and an incident for French staff only. */
function prepared() {
  const t = testApp();
  signInAs(t.call, 'officer');
  const hidden = t.call('createIncident', {
    category: 'disorder',
    priority: 1,
    title: 'Frenchonly fight',
    description: 'x',
    source: 'radio',
    lat: 48.86,
    lon: 2.29,
    marking: [],
  });
  const zone = t.call('createZone', {
    name: 'Spanish corridor',
    kind: 'sector',
    color: '#1e88e5',
    polygon: [
      [
        [2.3, 48.85],
        [2.302, 48.85],
        [2.302, 48.852],
        [2.3, 48.85],
      ],
    ],
    marking: ['ES'],
  });
  const expected = {
    units: t.call('listUnits', {}).filter((u) => u.lat !== null).length,
    incidents: t.call('listIncidents', { includeClosed: true, limit: 500 }).filter((i) => i.lat !== null)
      .length,
    zones: t.call('listZones', {}).length,
  };
  t.app.close();
  return { ...t, hidden, zone, expected };
}

const servers: Server[] = [];
afterEach(() => {
  while (servers.length) servers.pop()?.close();
});

/** A TAK-like listener on loopback: `received` is everything the first client sent, once it closed. */
async function onLoopback(server: Server, event: 'connection' | 'secureConnection') {
  servers.push(server);
  const received = new Promise<string>((resolve) =>
    server.on(event, (socket: Socket) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, received };
}

describe('vigie export in exchange formats', () => {
  it('writes KML and keeps to what --releasable-to allows', async () => {
    const p = prepared();
    const out = join(tempDir(), 'all.kml');
    expect((await exportDb(p.dbPath, '--what', 'all', '--format', 'kml', '--out', out)).code).toBe(0);
    const all = readKmlFile(readFileSync(out, 'utf8'));
    expect(all.features.length).toBe(p.expected.units + p.expected.incidents + p.expected.zones);
    expect(all.features.some((f) => f.properties?.id === p.hidden.id)).toBe(true);

    const de = await exportDb(p.dbPath, '--what', 'all', '--format', 'geojson', '--releasable-to', 'DE');
    expect(de.code).toBe(0);
    expect(de.stdout).not.toContain(p.hidden.reference);
    expect(de.stdout).not.toContain('Spanish corridor');
    const es = await exportDb(p.dbPath, '--what', 'zones', '--format', 'csv', '--releasable-to', 'ES');
    expect(es.stdout).toContain('Spanish corridor');
    expect(es.stdout).toContain('RELEASABLE TO FR, ES');
  });

  it('names what is wrong with the flags, exit 2', async () => {
    const p = prepared();
    const bad = async (...a: string[]) => (await exportDb(p.dbPath, ...a)).stderr;
    expect(await bad('--what', 'all', '--format', 'csv')).toMatch(/a CSV file holds one table/);
    expect(await bad('--what', 'zones', '--format', 'kml', '--tak', '127.0.0.1:8087')).toMatch(
      /--tak sends CoT events/,
    );
    expect(await bad('--what', 'zones', '--format', 'cot', '--tak', 'nowhere')).toMatch(
      /--tak: expected HOST:PORT/,
    );
    expect(
      await bad('--what', 'zones', '--format', 'cot', '--tak', '127.0.0.1:1', '--tak-cert', 'c.pem'),
    ).toMatch(/--tak-cert and --tak-key go together/);
    expect(await bad('--what', 'zones', '--format', 'cot', '--releasable-to', 'spain')).toMatch(
      /--releasable-to/,
    );
  });
});

describe('sending CoT events to a TAK server', () => {
  it('over plain TCP: every event arrives and passes node-cot', async () => {
    const p = prepared();
    const tak = await onLoopback(createTcpServer(), 'connection');
    const r = await exportDb(p.dbPath, '--what', 'all', '--format', 'cot', '--tak', `127.0.0.1:${tak.port}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const events = readCot(await tak.received);
    const total = p.expected.units + p.expected.incidents + p.expected.zones;
    expect(events.length).toBe(total);
    expect(JSON.parse(r.stdout)).toEqual({ sent: total, to: `127.0.0.1:${tak.port}`, tls: false });
    expect(events.map((e) => e.raw.event._attributes.uid)).toContain(`vigie-zone-${p.zone.id}`);
  });

  it('over TLS, the server checked against the given CA and the client by its certificate', async () => {
    const p = prepared();
    const dir = tempDir();
    expect((await run('room', 'cert', '--out', dir, '--ip', '127.0.0.1')).code).toBe(0);
    const serverCert = join(dir, 'room-cert.pem');
    const client = await clientCertificate('vigie-desk');
    const clientCert = join(dir, 'client-cert.pem');
    const clientKey = join(dir, 'client-key.pem');
    writeFileSync(clientCert, client.certPem);
    writeFileSync(clientKey, client.keyPem);
    const tak = await onLoopback(
      createTlsServer({
        cert: readFileSync(serverCert),
        key: readFileSync(join(dir, 'room-key.pem')),
        ca: client.certPem,
        requestCert: true,
        rejectUnauthorized: true,
      }),
      'secureConnection',
    );
    const send = (ca: string) =>
      exportDb(
        p.dbPath,
        '--what',
        'zones',
        '--format',
        'cot',
        '--releasable-to',
        'DE',
        '--tak',
        `127.0.0.1:${tak.port}`,
        '--tak-ca',
        ca,
        '--tak-cert',
        clientCert,
        '--tak-key',
        clientKey,
      );
    // A server whose certificate the given CA did not sign is refused before anything is sent.
    const wrong = await send(clientCert);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/TAK server 127\.0\.0\.1:\d+: .*(self-signed|verify|certificate)/i);
    const r = await send(serverCert);
    expect(r.stderr).toBe('');
    const events = readCot(await tak.received);
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: events.length, tls: true });
    // Released to Spain only: not sent for a German partner's server.
    expect(events.map((e) => e.raw.event._attributes.uid)).not.toContain(`vigie-zone-${p.zone.id}`);
    expect(events.length).toBe(p.expected.zones - 1);
  });

  it('says when no TAK server answers, exit 1', async () => {
    const p = prepared();
    const closed = await onLoopback(createTcpServer(), 'connection');
    const server = servers.pop();
    await new Promise((r) => server?.close(r));
    const r = await exportDb(
      p.dbPath,
      '--what',
      'units',
      '--format',
      'cot',
      '--tak',
      `127.0.0.1:${closed.port}`,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`TAK server 127\\.0\\.0\\.1:${closed.port}: ECONNREFUSED`));
  });
});

describe('vigie import-features', () => {
  it('imports zones and points from a KML file, and refuses a bad one whole with each problem', async () => {
    const p = prepared();
    const dir = tempDir();
    const good = join(dir, 'partner.kml');
    writeFileSync(
      good,
      `<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Rally point</name><Point><coordinates>2.30,48.86</coordinates></Point></Placemark>
</Document></kml>`,
    );
    const bad = join(dir, 'partner.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [2.3, 95] } },
          { type: 'Feature', properties: { name: 'B' }, geometry: { type: 'LineString', coordinates: [] } },
        ],
      }),
    );
    const refused = await run('import-features', '--db', p.dbPath, bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/partner\.geojson: feature 0 \("A"\): point \[2\.3, 95\] is out of range/);
    expect(refused.stderr).toMatch(
      /features\.1\.geometry\.type: partner\.geojson: feature 1 \("B"\): geometry is a LineString/,
    );
    const dry = await run('import-features', '--db', p.dbPath, good, '--dry-run');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 1, points: 1 });
    const done = await run('import-features', '--db', p.dbPath, good);
    expect(JSON.parse(done.stdout)).toMatchObject({ dryRun: false, created: 1, points: 1, format: 'kml' });
    const zones = await exportDb(p.dbPath, '--what', 'zones', '--format', 'geojson');
    expect(zones.stdout).toContain('Rally point');
    expect(JSON.parse(zones.stdout).features.length).toBe(p.expected.zones + 1);
  });
});
