// `vigie room <subcommand>`: what concerns a room's PostgreSQL database as a whole. Each
// subcommand is one entry of SUBCOMMANDS; `vigie room` alone lists them.
import { isRoomUrl } from '../store/db.js';
import { importIntoRoom } from '../backup/room-import.js';
import type { AppPaths } from '../app-root.js';
import type { Io } from './commands.js';
import { parse, UsageError } from './args.js';
import { roomCert } from './room-cert.js';

type Subcommand = (argv: string[], paths: AppPaths, io: Io) => number | Promise<number>;

function roomImport(argv: string[], _paths: AppPaths, io: Io): number {
  const { values } = parse(argv, { from: { type: 'string' }, to: { type: 'string' } });
  if (!values.from) throw new UsageError('--from: the desk database file to import is required');
  if (!values.to || !isRoomUrl(values.to))
    throw new UsageError('--to: the room database is required, as a postgres:// URL');
  io.out(JSON.stringify(importIntoRoom(values.from, values.to), null, 2));
  return 0;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  import: roomImport,
  cert: roomCert,
};

export function room(argv: string[], paths: AppPaths, io: Io): number | Promise<number> {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub)
    throw new UsageError(
      `${name === undefined ? 'a subcommand is required' : `unknown subcommand "${name}"`}: ${Object.keys(SUBCOMMANDS).join(', ')}`,
    );
  return sub(rest, paths, io);
}
