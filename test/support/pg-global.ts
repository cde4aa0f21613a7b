// Vitest global set-up of the integration-pg project: one throwaway PostgreSQL cluster for the run,
// stopped and removed when the run ends. Test workers find it through the environment.
import { startPgCluster, type PgCluster } from './pg-cluster.js';

let cluster: PgCluster | null = null;

export async function setup(): Promise<void> {
  cluster = await startPgCluster();
  process.env['VIGIE_TEST_PG_PORT'] = String(cluster.port);
  process.env['VIGIE_TEST_BACKEND'] = 'postgres';
}

export function teardown(): void {
  cluster?.close();
}
