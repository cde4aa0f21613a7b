// A throwaway PostgreSQL cluster on loopback for tests: initdb in a temp folder, started as the
// `postgres` user when running as root (PostgreSQL refuses root), stopped and removed at the end.
// Each test takes a fresh database in it (createDatabase), so tests never see each other's rows.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  port: number;
  dir: string;
  /** A new empty database; its postgres:// URL. */
  createDatabase(prefix?: string): string;
  /** Runs SQL as the superuser on a database of the cluster (test set-up only). */
  psql(database: string, sql: string): string;
  stop(): void;
  start(): void;
  close(): void;
}

export function pgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the `postgres` user when this is root (it refuses root). */
export function pgRun(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let counter = 0;

/** A temp folder the `postgres` user owns (a cluster's home). */
export function pgTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

export interface PgClusterOptions {
  /** fsync on, as a production server runs (benchmarks); tests skip it (the default). */
  durable?: boolean;
}

export async function startPgCluster(o: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
  const dir = pgTempDir();
  const data = join(dir, 'data');
  const port = await freePort();
  pgRun(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const ctl = (args: string[]) => pgRun(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const start = () =>
    ctl([
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${o.durable ? 'on' : 'off'} -c max_connections=200`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  start();
  const psql = (database: string, sql: string) =>
    pgRun(join(bin, 'psql'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      database,
      '-qAtc',
      sql,
    ]);
  let stopped = false;
  return {
    port,
    dir,
    psql,
    createDatabase(prefix = 'vigie') {
      const name = `${prefix}_${process.pid}_${++counter}`;
      psql('postgres', `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      ctl(['-m', 'fast', '-w', 'stop']);
      stopped = true;
    },
    start() {
      start();
      stopped = false;
    },
    close() {
      try {
        if (!stopped) ctl(['-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
