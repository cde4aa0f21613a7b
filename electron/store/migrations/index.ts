// Numbered migrations, applied in order; PRAGMA user_version records the last one applied.
import * as m001 from './001-initial.js';
import * as m002 from './002-incident-workflow.js';
import * as m003 from './003-units-settings.js';
import * as m004 from './004-shifts-handovers.js';
import * as m005 from './005-map.js';
import * as m006 from './006-accounts.js';
import * as m007 from './007-markings.js';
import * as m008 from './008-after-images.js';
import * as m009 from './009-host-sessions.js';
import * as m010 from './010-awareness.js';
import * as m011 from './011-exercise.js';
import * as m012 from './012-journal-checkpoint.js';
import * as m013 from './013-reference-generation.js';

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
];
export const LATEST_VERSION = MIGRATIONS.length;
