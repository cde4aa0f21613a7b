// The console's "New operation…": a supervisor makes another operation from a scenario package as a
// new file beside the open one. The package is checked whole first (every problem named), the open
// operation is untouched but for one journal entry, the new file verifies and its creator can sign
// in to it. A room refuses: its operations are made on its database server.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { getOperation } from '../../electron/store/meta.js';
import { ApiError } from '../../shared/errors.js';
import type { JournalEntry, Operator } from '../../shared/domain.js';
import { fixedClock } from '../../shared/clock.js';
import { REAL_START, testApp } from '../support/app.js';
import { backend } from '../support/backend.js';
import { DEMO, signInAs } from '../support/sign-in.js';
import { paths, tempDir } from '../support/temp.js';

const LA = join(paths.resources, 'scenario', 'la-2028');

function supervisor() {
  const t = testApp();
  const sup = createDesk();
  signInAs(t.call, 'supervisor', 'SUP', sup);
  return { ...t, sup };
}

/** A real operation's package (no demo logins): the creator becomes its first supervisor. */
function realPackage(): string {
  const dir = join(tempDir('vigie-pkg-'), 'la-real');
  cpSync(LA, dir, { recursive: true });
  const file = join(dir, 'scenario.json');
  const s = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...s, id: 'la-2028-real', mode: 'real', demoLogins: [] }));
  return dir;
}

function failure(f: () => unknown): ApiError {
  try {
    f();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe.runIf(backend === 'sqlite')('New operation… on a desk alone', () => {
  it('offers the shipped packages, checked, with the folder the new file goes to', () => {
    const t = supervisor();
    const files = t.call('listOperationFiles', {}, t.sup);
    expect(files.refused).toBeNull();
    expect(files.dir).toBe(dirname(t.dbPath));
    const la = files.shipped.find((p) => p.package === 'la-2028');
    expect(la).toMatchObject({ id: 'la-2028-opening', timezone: 'America/Los_Angeles', mode: 'exercise' });
    expect(la?.venues).toBeGreaterThanOrEqual(5);
    expect(files.shipped.map((p) => p.package)).toContain('paris-2024');
  });

  it('makes the operation in a new file; the open one keeps its data, with one journal entry', () => {
    const t = supervisor();
    const before = t.call('listIncidents', {}, t.sup).length;
    const made = t.call('createOperation', { source: { folder: realPackage() }, file: 'LA real' }, t.sup);
    expect(made.file).toBe(join(dirname(t.dbPath), 'LA real.db'));
    expect(made.login).toBe(DEMO.supervisor.login);
    expect(made.scenario).toMatchObject({
      id: 'la-2028-real',
      mode: 'real',
      timezone: 'America/Los_Angeles',
    });
    // The open operation: still Paris, same incidents, the creation journaled under the supervisor.
    expect(getOperation(t.app.db)?.timezone).toBe('Europe/Paris');
    expect(t.call('listIncidents', {}, t.sup)).toHaveLength(before);
    const [entry] = t.call('listJournal', { limit: 1 }, t.sup);
    expect(entry).toMatchObject({
      seq: made.journalSeq,
      action: 'operation.file_created',
      operator: DEMO.supervisor.name,
      desk: 'SUP',
    });
    // The new file: Los Angeles, a sound journal, and its creator signs in with their passphrase.
    const la = openVigie({ dbPath: made.file, resourcesDir: paths.resources, real: fixedClock(REAL_START) });
    try {
      expect(getOperation(la.db)).toMatchObject({
        name: made.scenario.name,
        timezone: 'America/Los_Angeles',
      });
      expect(la.state.chain.result().ok).toBe(true);
      const desk = createDesk();
      const r = dispatch(la.handlers, 'signIn', { ...DEMO_SUP, desk: 'LA-1' }, desk);
      expect(r.ok && (r.value as Operator).role).toBe('supervisor');
      const j = dispatch(la.handlers, 'listJournal', { limit: 500 }, desk);
      if (!j.ok) throw new Error(j.error.message);
      expect((j.value as JournalEntry[]).find((e) => e.action === 'operator.account_added')).toMatchObject({
        operator: DEMO.supervisor.name,
        role: 'supervisor',
        desk: 'SUP',
      });
      expect(JSON.stringify(j.value)).not.toContain(DEMO.supervisor.passphrase);
    } finally {
      la.close();
    }
  });

  it('keeps a package’s own logins when it has them (the shipped Los Angeles exercise)', () => {
    const t = supervisor();
    const made = t.call('createOperation', { source: { package: 'la-2028' }, file: 'la-exercise' }, t.sup);
    expect(made.login).toBeNull();
    expect(existsSync(join(dirname(t.dbPath), 'la-exercise.db'))).toBe(true);
    const again = failure(() =>
      t.call('createOperation', { source: { package: 'la-2028' }, file: 'la-exercise.db' }, t.sup),
    );
    expect(again.code).toBe('conflict');
    expect(again.message).toMatch(/^file: .*la-exercise\.db already exists/);
  });

  it('refuses a spoiled package with every problem named, and writes nothing', () => {
    const t = supervisor();
    const dir = realPackage();
    const s = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...s, timezone: 'America/Atlantis' }));
    const venues = JSON.parse(readFileSync(join(dir, 'venues.geojson'), 'utf8')) as {
      features: { geometry: { type: string; coordinates: unknown } }[];
    };
    const first = venues.features[0];
    if (!first) throw new Error('no venue');
    first.geometry = { type: 'Point', coordinates: [2.35, 48.85] }; // Paris: far outside Los Angeles
    writeFileSync(join(dir, 'venues.geojson'), JSON.stringify(venues));
    const listing = () => readdirSync(dirname(t.dbPath)).sort();
    const files = listing();
    for (const call of ['checkScenario', 'createOperation'] as const) {
      const input =
        call === 'checkScenario' ? { source: { folder: dir } } : { source: { folder: dir }, file: 'x' };
      const err = failure(() => t.call(call, input as never, t.sup));
      expect(err.code, call).toBe('invalid_input');
      const problems = (err.issues ?? []).map((i) => `${i.path}: ${i.message}`);
      expect(problems, call).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^source: .*scenario\.json: timezone: "America\/Atlantis" is not a known/),
          expect.stringMatching(/^source: .*venues\.geojson.*(outside|km)/),
        ]),
      );
    }
    expect(listing()).toEqual(files);
    const missing = failure(() =>
      t.call('checkScenario', { source: { folder: join(dir, 'nowhere') } }, t.sup),
    );
    expect(missing.message).toMatch(/nowhere: no such folder/);
  });

  it('refuses a file name with a folder in it, and an unknown shipped package', () => {
    const t = supervisor();
    for (const file of ['../elsewhere', 'sub/dir', '']) {
      const err = failure(() => t.call('createOperation', { source: { package: 'la-2028' }, file }, t.sup));
      expect(err.code, file).toBe('invalid_input');
      expect(err.message, file).toMatch(/file/);
    }
    const err = failure(() => t.call('checkScenario', { source: { package: 'atlantis-2032' } }, t.sup));
    expect(err.message).toBe('source.package: no shipped scenario package "atlantis-2032"');
  });
});

describe.runIf(backend === 'postgres')('New operation… in a room', () => {
  it('is refused: the room’s administrator makes operations with vigie new', () => {
    const t = supervisor();
    expect(t.call('listOperationFiles', {}, t.sup)).toMatchObject({ dir: null, shipped: [] });
    const err = failure(() =>
      t.call('createOperation', { source: { package: 'la-2028' }, file: 'la' }, t.sup),
    );
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/vigie new --db postgres/);
  });
});

const DEMO_SUP = { login: DEMO.supervisor.login, passphrase: DEMO.supervisor.passphrase };
