// Numbered migrations, applied in order; PRAGMA user_version records the last one applied.
import * as m001 from './001-initial.js';
import * as m002 from './002-incident-workflow.js';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002];
export const LATEST_VERSION = MIGRATIONS.length;
