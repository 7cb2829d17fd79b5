import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a counter keeps its data when the shell does not say (Electron passes app.getPath('userData')). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.COUNTER_DATA_DIR) return env.COUNTER_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'One-Stop Counter');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'one-stop-counter');
}
