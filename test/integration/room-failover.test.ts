// A room given as a multi-host URL (primary, standby) with target_session_attrs=read-write: the desk
// writes to the primary; when the primary dies and the standby is promoted, writes fail with a
// message meanwhile, then go to the new primary by themselves, on an unbroken journal chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigie } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { verifyChain } from '../../electron/store/journal.js';
import { fixedClock } from '../../shared/clock.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { startStandby, type PgStandby } from '../support/pg-standby.js';
import { paths } from '../support/temp.js';
import { signInInput } from '../support/sign-in.js';

let primary: PgCluster;
let standby: PgStandby;
let dbName: string;

beforeAll(async () => {
  primary = await startPgCluster();
  // The database exists before the base backup, so the standby has it too.
  dbName = new URL(primary.createDatabase('failover')).pathname.slice(1);
  standby = await startStandby(primary);
}, 60_000);
afterAll(() => {
  standby?.close();
  primary?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a room on a primary and a standby', () => {
  it('accepts the multi-host URL and follows the promoted standby', async () => {
    const url =
      `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/${dbName}` +
      '?target_session_attrs=read-write';
    const app = openVigie({
      dbPath: url,
      resourcesDir: paths.resources,
      real: fixedClock(Date.parse('2026-11-24T08:00:00Z')),
    });
    expect(app.db.location).toContain(`${primary.port},127.0.0.1:${standby.port}`);
    const desk = createDesk();
    const call = (name: 'signIn' | 'createIncident', input: unknown) =>
      dispatch(app.handlers, name, input, desk);
    expect(call('signIn', signInInput('officer', 'D1')).ok).toBe(true);
    const write = (title: string) =>
      call('createIncident', {
        category: 'other',
        priority: 3,
        title,
        source: 'radio',
        locationText: 'Quai',
      });
    expect(write('Before failover').ok).toBe(true);

    primary.stop();
    const during = write('While the primary is down');
    expect(during.ok).toBe(false);
    if (!during.ok) expect(during.error.message).toMatch(/room database/i);

    standby.promote();
    let after = write('After failover');
    for (let i = 0; !after.ok && i < 40; i++) {
      await sleep(250);
      after = write('After failover');
    }
    expect(after.ok, after.ok ? '' : after.error.message).toBe(true);
    const titles = (app.db.prepare('SELECT title FROM incidents').all() as { title: string }[]).map(
      (r) => r.title,
    );
    expect(titles).toContain('After failover');
    expect(verifyChain(app.db)).toMatchObject({ ok: true });
    app.close();
  });
});
