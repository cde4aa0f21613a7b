// `vigie serve ARGS` as a child process for the room tests, stopped after each test. Needs the CLI
// bundle and the renderer (npm run build).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { paths, tempDb } from './temp.js';

export interface Run {
  code: number | null;
  stderr: string;
  printed?: { url: string; fingerprint?: string };
  /** SIGTERM: the server's own orderly stop. */
  stop(): Promise<void>;
  /** SIGKILL: gone as a crash or a cut cable would take it, with no goodbye. */
  kill(): Promise<void>;
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.();
});

/** Runs `vigie serve ARGS`; resolves on its JSON line (it is serving) or on its exit (refused). */
export function serve(args: string[], db = tempDb()): Promise<Run> {
  if (!existsSync(join(paths.renderer, 'index.html'))) throw new Error('run npm run build first');
  const child = spawn(
    process.execPath,
    [join(paths.root, 'electron/bin/vigie.mjs'), 'serve', '--db', db, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const end = (signal: NodeJS.Signals) => () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const stop = end('SIGTERM');
  const kill = end('SIGKILL');
  running.push(stop);
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigie serve did not start: ${stderr}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ code: null, stderr, printed: JSON.parse(line) as Run['printed'], stop, kill });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stop, kill });
    });
  });
}
