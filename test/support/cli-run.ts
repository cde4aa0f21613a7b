// Runs the `vigie` CLI in-process, capturing what it prints.
import { main } from '../../electron/cli.js';
import { paths } from './temp.js';

export async function runCli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, paths);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
