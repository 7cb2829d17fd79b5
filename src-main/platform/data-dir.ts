import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** The machine-wide folder on Windows: one store, outbox and settings per PC, whoever is signed in. */
export const WINDOWS_FOLDER = 'QuayMotCua';

/**
 * Where a counter keeps its data when nothing else is said (COUNTER_DATA_DIR, --data-dir).
 * Windows: %PROGRAMDATA%\QuayMotCua, shared by every Windows account on the PC (officers sign in
 * inside the app), local to the machine (never on a roaming profile or SMB, where SQLite's WAL
 * breaks). The installer creates it with Modify for BUILTIN\Users. Elsewhere: the XDG config folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, training = false): string {
  // Training never touches the real counter's data: it gets a folder of its own.
  const path = platform === 'win32' ? win32 : posix;
  if (training) return path.join(defaultDataDir(env, platform), 'dao-tao');
  if (env.COUNTER_DATA_DIR) return env.COUNTER_DATA_DIR;
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData', WINDOWS_FOLDER);
  return posix.join(env.XDG_CONFIG_HOME ?? posix.join(homedir(), '.config'), 'one-stop-counter');
}

/**
 * The per-user folders earlier versions used on Windows (the CLI's and Electron's userData under
 * %APPDATA%, by either product name), for the one-time move to the machine-wide folder.
 */
export function legacyDataDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform !== 'win32' || env.COUNTER_DATA_DIR) return [];
  const appData = env.APPDATA ?? win32.join(env.USERPROFILE ?? homedir(), 'AppData', 'Roaming');
  return ['One-Stop Counter', 'Quầy Một cửa', 'one-stop-counter'].map((n) => win32.join(appData, n));
}
