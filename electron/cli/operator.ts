// `vigie operator add`: the first supervisor of an operation (later ones are added in the console).
// The passphrase comes from --passphrase-file or is typed twice at a prompt that does not echo; it
// is never a flag, so it stays out of shell history and process lists.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { AppPaths } from '../app-root.js';
import { addOperatorInput } from '../../shared/api/operators.js';
import { openVigie } from '../services/app.js';
import { addOperator } from '../services/operators.js';
import { SYSTEM } from '../services/context.js';
import { ApiError } from '../../shared/errors.js';
import { parse, resolveDb, UsageError } from './args.js';
import type { Io } from './commands.js';

const FLAG: Record<string, string> = { contingentId: '--contingent', passphrase: 'the passphrase' };
const flagOf = (path: string) => FLAG[path] ?? `--${path}`;

export async function operator(
  argv: string[],
  paths: AppPaths,
  io: Io,
  ask: () => Promise<string> = askPassphrase,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'add') throw new UsageError(`unknown subcommand "${sub ?? ''}" (operator add)`);
  const { values } = parse(rest, {
    db: { type: 'string' },
    login: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    contingent: { type: 'string' },
    country: { type: 'string' },
    'passphrase-file': { type: 'string' },
  });
  for (const f of ['login', 'name', 'role'] as const)
    if (!values[f]) throw new UsageError(`--${f} is required`);
  const file = values['passphrase-file'];
  const passphrase = file ? firstLine(file) : await ask();
  const parsed = addOperatorInput.safeParse({
    login: values.login,
    name: values.name,
    role: values.role,
    contingentId: values.contingent ?? null,
    country: values.country ?? null,
    passphrase,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(input)';
    throw new UsageError(`${flagOf(path)}: ${issue?.message ?? 'invalid'}`);
  }
  const app = openVigie({ dbPath: resolveDb(values.db), resourcesDir: paths.resources, seed: false });
  try {
    const account = addOperator(app.ctx, { ...SYSTEM, desk: 'cli' }, parsed.data);
    io.out(JSON.stringify(account, null, 2));
    return 0;
  } catch (err) {
    if (err instanceof ApiError) {
      const issue = err.issues?.[0];
      throw new UsageError(issue ? `${flagOf(issue.path)}: ${issue.message}` : err.message);
    }
    throw err;
  } finally {
    app.close();
  }
}

function firstLine(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--passphrase-file: ${(err as Error).message}`);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** Asks twice without echo on a terminal; reads one line from a pipe. */
export async function askPassphrase(): Promise<string> {
  const tty = Boolean(process.stdin.isTTY);
  let muted = false;
  const output = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: tty });
  const question = (q: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(q);
      muted = true;
      rl.question('', (a) => {
        muted = false;
        process.stderr.write('\n');
        resolve(a);
      });
    });
  try {
    const first = await question('Passphrase (at least 12 characters): ');
    if (!tty) return first;
    const again = await question('Again: ');
    if (again !== first) throw new UsageError('the two passphrases differ');
    return first;
  } finally {
    rl.close();
  }
}
