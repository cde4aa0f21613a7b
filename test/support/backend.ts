// Which engine the service tests run on: the vitest project `integration` runs them on SQLite
// files, `integration-pg` runs the same files on a throwaway PostgreSQL cluster (pg-global.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pgBinDir } from './pg-cluster.js';
import { tempDb } from './temp.js';

export type Backend = 'sqlite' | 'postgres';
export const backend: Backend = process.env['VIGIE_TEST_BACKEND'] === 'postgres' ? 'postgres' : 'sqlite';

let counter = 0;

/** A new empty PostgreSQL database in the test cluster; its URL. */
export function pgDatabase(prefix = 't'): string {
  const port = process.env['VIGIE_TEST_PG_PORT'];
  const bin = pgBinDir();
  if (!port || !bin)
    throw new Error('No test PostgreSQL cluster: run this file in the integration-pg project');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const r = spawnSync(
    join(bin, 'psql'),
    ['-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-qAtc', `CREATE DATABASE ${name}`],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`CREATE DATABASE ${name}: ${r.stderr}`);
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

/** Where a test's operation lives on this run's engine: a temp file, or a fresh room database. */
export function testDatabase(): string {
  return backend === 'postgres' ? pgDatabase() : tempDb();
}
