// Where the workspace lives: COURIER_HOME, else the platform's user data folder (the same folder
// Electron's app.getPath('userData') gives for the product name "Courier"), so the CLI, the web
// host and the desktop app see the same data.
import os from 'node:os';
import path from 'node:path';

export function courierHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COURIER_HOME) return path.resolve(env.COURIER_HOME);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Courier');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Courier');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Courier');
}
