import electronUpdater, { type UpdateInfo } from 'electron-updater';
import { app } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Core } from '../core.ts';
import type { Settings } from '../contract/settings.ts';
import { checkFeedUrl, updateVerifier } from '../features/admin/rollout/update-signature.ts';

/**
 * Auto-update from the province's own server (an HTTPS folder holding latest.yml, the installer and
 * its district signature `<installer>.sig`), configured per district in Settings → update.url;
 * nothing is fetched when it is empty. An http:// feed is refused, and an installer is accepted
 * only with a signature by a rollout key this PC trusts.
 */
export async function startUpdater(core: Core, log: (message: string, fields?: Record<string, unknown>) => void): Promise<void> {
  if (!app.isPackaged) return;
  const settings = async () => {
    const r = await core.call('settings.get', {});
    return r.ok ? (r.value as Settings) : undefined;
  };
  const url = (await settings())?.update.url;
  if (!url) return;
  try {
    checkFeedUrl(url);
  } catch (err) {
    log('update feed refused', { error: String(err) });
    return;
  }
  const { autoUpdater } = electronUpdater;
  // The district-signature hook exists on the Windows (NSIS) updater only; elsewhere no auto-update.
  const hooked = autoUpdater as unknown as { verifySignature?: (file: string) => Promise<string | null> };
  if (typeof hooked.verifySignature !== 'function') {
    log('auto-update off: this platform has no signature hook', { platform: process.platform });
    return;
  }
  let offered: UpdateInfo | undefined;
  const trusted = async () => (await settings())?.rollout.trustedKeys ?? [];
  hooked.verifySignature = updateVerifier({ feedUrl: url, offered: () => offered, trustedFingerprints: trusted, readFile });
  autoUpdater.setFeedURL({ provider: 'generic', url, channel: 'latest' });
  // Per-machine install: installing needs administrator rights an officer's account lacks, so the
  // app only checks and logs; district IT pushes the new installer silently (README, For IT). The
  // signature hook above still guards any download this updater makes.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.disableWebInstaller = true;
  autoUpdater.on('update-available', (info) => {
    offered = info;
    log('update available; district IT installs it', { version: info.version });
  });
  autoUpdater.on('error', (err) => log('update failed', { error: String(err) }));
  autoUpdater.on('update-downloaded', (info) => log('update downloaded; installs on quit', { version: info.version }));
  try {
    await autoUpdater.checkForUpdates();
  } catch (err) {
    log('update check failed', { error: String(err) });
  }
}
