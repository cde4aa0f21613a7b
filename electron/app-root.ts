// Finds the application root (the folder holding Vigie's package.json) from any module location,
// so bundled code in dist/node and source run by the tests resolve the same resources.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findAppRoot(fromDir: string): string {
  let dir = fromDir;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'vigie')
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Vigie's package.json not found above ${fromDir}`);
    dir = up;
  }
}

export interface AppPaths {
  root: string;
  resources: string;
  renderer: string;
}

export function appPaths(root: string): AppPaths {
  return { root, resources: join(root, 'resources'), renderer: join(root, 'dist', 'renderer') };
}
