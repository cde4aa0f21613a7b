// `--basemap FILE` (or `--basemap=FILE`) on the desktop app's command line. Pure, like db-location.ts.
import path from 'node:path';

export class BasemapArgumentError extends Error {
  override name = 'BasemapArgumentError';
}

/** The absolute path of the last --basemap in argv, or undefined when there is none. */
export function basemapArgument(argv: readonly string[], cwd: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--basemap') {
      const next = argv[i + 1];
      if (next === undefined || next === '' || next.startsWith('-'))
        throw new BasemapArgumentError('--basemap needs a file path, as in: --basemap /maps/paris.pmtiles');
      value = next;
      i++;
    } else if (arg.startsWith('--basemap=')) {
      value = arg.slice('--basemap='.length);
      if (value === '') throw new BasemapArgumentError('--basemap= needs a file path');
    }
  }
  return value === undefined ? undefined : path.resolve(cwd, value);
}
