import electronUpdater from 'electron-updater';
import { app } from 'electron';
import type { Core } from '../core.ts';

/**
 * Auto-update from the province's own server (a generic HTTPS folder holding latest.yml and the
 * installer), configured per district in Settings → update.url; nothing is fetched when it is empty.
 */
export async function startUpdater(core: Core, log: (message: string, fields?: Record<string, unknown>) => void): Promise<void> {
  if (!app.isPackaged) return;
  const r = await core.call('settings.get', {});
  const url = r.ok ? (r.value as { update?: { url?: string } }).update?.url : undefined;
  if (!url) return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url, channel: 'latest' });
  // Per-machine install: installing needs administrator rights an officer's account lacks, so the
  // app only checks and logs; district IT pushes the new installer silently (README, For IT).
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.on('update-available', (info) => log('update available; district IT installs it', { version: info.version }));
  autoUpdater.on('error', (err) => log('update failed', { error: String(err) }));
  autoUpdater.on('update-downloaded', (info) => log('update downloaded; installs on quit', { version: info.version }));
  try {
    await autoUpdater.checkForUpdates();
  } catch (err) {
    log('update check failed', { error: String(err) });
  }
}
