// Where Electron keeps userData for "Vigie" on each platform, computed without Electron so the
// CLI and the browser host open the same default database as the desktop app.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultUserDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Vigie');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Vigie');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Vigie');
}
