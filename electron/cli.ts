// `vigie` command line: seed, verify, serve. Errors go to stderr; exit 2 for rejected input.
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { findAppRoot, appPaths, type AppPaths } from './app-root.js';
import type { Io } from './cli/commands.js';
import { UsageError } from './cli/args.js';

type Command = (argv: string[], paths: AppPaths, io: Io) => number | Promise<number>;

// Each command's code is loaded when it runs (the bundle is split per command): `vigie serve`
// listens before the services and the engines are loaded (cli/serve-command.ts).
const COMMANDS: Record<string, () => Promise<Command>> = {
  seed: async () => (await import('./cli/commands.js')).seed,
  new: async () => (await import('./cli/new.js')).newOperation,
  verify: async () => (await import('./cli/commands.js')).verify,
  serve: async () => (await import('./cli/serve-command.js')).serve,
  backup: async () => (await import('./cli/backup.js')).backup,
  restore: async () => (await import('./cli/backup.js')).restore,
  'import-units': async () => (await import('./cli/import-units.js')).importUnits,
  'import-features': async () => (await import('./cli/import-features.js')).importFeaturesCommand,
  export: async () => (await import('./cli/export.js')).exportCommand,
  report: async () => (await import('./cli/report.js')).report,
  'after-action': async () => (await import('./cli/after-action.js')).afterAction,
  room: async () => (await import('./cli/room.js')).room,
  operator: async () => (await import('./cli/operator.js')).operator,
  replay: async () => (await import('./cli/replay.js')).replay,
};

const USAGE = `usage: vigie <command> [options]
  seed   --db FILE                 create the database with the Paris 2024 exercise (if empty); prints its demo logins
  new    --db FILE|URL --scenario DIR
                                   an operation from a scenario package (scenario.json, venues.json|.geojson|.csv,
                                   route.json|routes.geojson, zones.geojson, ...), checked whole first: nothing is
                                   written if any file is refused (exit 2); refuses a database holding an operation
  operator add --db FILE|URL --login L --name N --role R [--contingent ID] [--country CC] [--passphrase-file F]
                                   an operator account (the first supervisor of an operation); the passphrase is
                                   typed at a prompt (not echoed) unless read from the file's first line
  verify --db FILE                 integrity check + journal chain, JSON on stdout, exit 1 if not ok
  replay --db FILE|URL --at ISO    the picture at that moment (units, incidents, zones, parade, alert level, the
                                   minute's journal entries) rebuilt from the journal, JSON on stdout; the file
                                   (a backup too) is opened read-only and left untouched
  serve  --db FILE|URL [--port N] [--basemap FILE] [--backup-dir DIR] [--backup-every MIN] [--backup-keep N]
         [--listen ADDR --tls-cert FILE --tls-key FILE]
                                   the console in a browser, on 127.0.0.1 only; FILE: an MBTiles or PMTiles base map;
                                   rolling backups as in the desktop app (default every 15 min, newest 48 kept; a
                                   file only). A room server: HTTPS on ADDR; without both TLS files, loopback only
  export --db FILE --what units|incidents|zones|all --format geojson|csv|kml|cot [--out FILE]
         [--releasable-to CC] [--tak HOST:PORT [--tak-tls] [--tak-ca F] [--tak-cert F --tak-key F]]
                                   every unit, incident (closed too) or zone, each with its marking; only what is
                                   released to CC with --releasable-to; CoT events sent to a TAK server with --tak
                                   (TLS with any --tak-ca/cert/key); stdout without --out or --tak
  backup --db FILE|URL --out FILE  online backup (writes may continue), checked; JSON on stdout;
                                   of a room (postgres://): a SQLite copy of one consistent snapshot
  restore --db FILE --from BACKUP --yes
                                   put a checked backup in place; the current file is moved aside
                                   (a room: create an empty database and use room import)
  room import --from FILE --to URL copy a desk's operation into an empty room database (all or nothing),
                                   checked on arrival; JSON on stdout, exit 2 if refused
  room cert --out DIR [--name HOST]... [--ip ADDR]... [--days N]
                                   a self-signed pair for a room server; prints its SHA-256 fingerprint
  import-units --db FILE ROSTER.csv [--dry-run]
                                   units from a roster CSV (all or nothing), JSON on stdout, exit 2 if rows are rejected
  import-features --db FILE PARTNER.kml|.geojson [--dry-run]
                                   zones and points (as 25 m round zones) from a KML or GeoJSON file, all or nothing;
                                   JSON on stdout, each problem on stderr and exit 2 if the file is refused
  report --db FILE --from ISO --to ISO --format pdf|html|md|json --out FILE [--lang en|fr] [--incoming NAME]
         [--desk NAME] [--outgoing NAME] [--generated-at ISO]
                                   a shift handover report (a preview: nothing is acknowledged); JSON on stdout
  after-action --db FILE|URL --from ISO --to ISO --format pdf|html|json --out FILE [--lang en|fr] [--by NAME]
         [--generated-at ISO]      the after-action report for a window of up to 31 days (response times,
                                   requests, units' busy time, charts); nothing is written; JSON on stdout
Without --db: $VIGIE_DB, else the desktop app's database.`;

export async function main(
  argv: string[],
  io: Io,
  paths = appPaths(findAppRoot(dirname(fileURLToPath(import.meta.url)))),
) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`vigie: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, paths, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`vigie ${name}: ${err.message}`);
      return 2;
    }
    const code = (await import('./cli/failures.js')).exitCodeOf(err);
    if (code !== null) {
      io.err(`vigie ${name}: ${(err as Error).message}`);
      return code;
    }
    const fsCode = (err as NodeJS.ErrnoException | null)?.code;
    if (typeof fsCode === 'string' && /^E[A-Z]+$/.test(fsCode)) {
      // A file-system refusal (missing or read-only folder, full disk): the message, not a stack.
      io.err(`vigie ${name}: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  }
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isEntry) {
  main(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) }).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
