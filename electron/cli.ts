// `vigie` command line: seed, verify, serve. Errors go to stderr; exit 2 for rejected input.
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { findAppRoot, appPaths, type AppPaths } from './app-root.js';
import { seed, serve, verify, type Io } from './cli/commands.js';
import { UsageError } from './cli/args.js';
import { StoreError } from './store/errors.js';
import { ScenarioError } from './services/scenario-load.js';

const COMMANDS: Record<string, (argv: string[], paths: AppPaths, io: Io) => number | Promise<number>> = {
  seed,
  verify,
  serve,
};

const USAGE = `usage: vigie <command> [options]
  seed   --db FILE                 create the database with the Paris 2024 exercise (if empty)
  verify --db FILE                 integrity check + journal chain, JSON on stdout, exit 1 if not ok
  serve  --db FILE [--port N]      the console in a browser, on 127.0.0.1 only
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
  const command = COMMANDS[name];
  if (!command) {
    io.err(`vigie: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, paths, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`vigie ${name}: ${err.message}`);
      return 2;
    }
    if (err instanceof StoreError || err instanceof ScenarioError) {
      io.err(`vigie ${name}: ${err.message}`);
      return err instanceof StoreError && err.kind !== 'corrupt' && err.kind !== 'newer_version' ? 1 : 2;
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
