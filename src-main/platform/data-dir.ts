import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a counter keeps its data when the shell does not say (Electron passes app.getPath('userData')). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, training = false): string {
  // Training never touches the real counter's data: it gets a folder of its own.
  if (training) return join(defaultDataDir(env, platform), 'dao-tao');
  if (env.COUNTER_DATA_DIR) return env.COUNTER_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'One-Stop Counter');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'one-stop-counter');
}
