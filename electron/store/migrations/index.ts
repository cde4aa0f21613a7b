// Numbered migrations, applied in order; PRAGMA user_version records the last one applied.
import * as m001 from './001-initial.js';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [m001];
export const LATEST_VERSION = MIGRATIONS.length;
