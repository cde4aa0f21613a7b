// Where the electron package would run its binary from, found without require('electron'): that
// require starts a download when the binary is missing, which hangs on an offline machine.
// Same rules as electron/launch.mjs and the electron package: path.txt names the executable
// inside dist/, and ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  path: string;
  exists: boolean;
}

function platformExecutable(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (process.platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: 'node_modules/electron (package not installed)', exists: false };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates = override
    ? [path.join(override, executable), path.join(override, 'electron')]
    : [path.join(packageDir, 'dist', executable)];
  const found = candidates.find((candidate) => existsSync(candidate));
  return { path: found ?? candidates[0] ?? packageDir, exists: found !== undefined };
}
