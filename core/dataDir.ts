import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'FIELDCHECK_DATA_DIR';
const APP_DIR_NAME = 'Fieldcheck';

/**
 * Where local data lives: the OS user-data location (the same folder Electron's
 * app.getPath('userData') uses for this app), unless FIELDCHECK_DATA_DIR says otherwise.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  const override = env[DATA_DIR_ENV];
  if (override && override.trim() !== '') return path.resolve(override);
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}
