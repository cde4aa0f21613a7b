// A hot standby of a test cluster (streaming replication from pg_basebackup -R), for failover
// tests: it follows the primary read-only until promoted.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, pgBinDir, pgRun, pgTempDir, type PgCluster } from './pg-cluster.js';

export interface PgStandby {
  port: number;
  promote(): void;
  close(): void;
}

export async function startStandby(primary: PgCluster): Promise<PgStandby> {
  const bin = pgBinDir() ?? '';
  const dir = pgTempDir();
  const data = join(dir, 'data');
  const port = await freePort();
  pgRun(join(bin, 'pg_basebackup'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    // Without it the backup waits for the next scheduled checkpoint (minutes).
    '--checkpoint=fast',
  ]);
  const ctl = (args: string[]) => pgRun(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  // A hot standby needs at least the primary's max_connections.
  ctl([
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  return {
    port,
    promote: () => void ctl(['-w', 'promote']),
    close() {
      try {
        ctl(['-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
