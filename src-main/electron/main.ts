import { app, dialog } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../core.ts';
import { fileLogger } from '../platform/logger.ts';
import { startupFailure } from '../platform/startup-failure.ts';
import { createMainWindow, hardenSession, rendererIndex } from './window.ts';
import { wireIpc } from './ipc.ts';
import { electronSystemPrinter } from './print.ts';
import { startUpdater } from './updater.ts';
import { safeStorageKeyProvider } from './safe-storage-key.ts';
import { fileKeyProvider } from '../store/blobs/key-provider.ts';

/** The Electron shell: windows and OS integration only; everything else is the Core. */
async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  const training = process.env.COUNTER_TRAINING === '1' || process.argv.includes('--training');
  // Training never touches the real counter's data: it gets a folder of its own.
  const dataDir = process.env.COUNTER_DATA_DIR ?? join(app.getPath('userData'), ...(training ? ['dao-tao'] : []));
  const log = fileLogger(dataDir);
  let core;
  try {
    core = createCore({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    electronVersion: process.versions.electron,
    trainingMode: training,
    log,
    systemPrinter: electronSystemPrinter(),
    keyProvider: safeStorageKeyProvider(dataDir, () => fileKeyProvider(dataDir)),
    });
  } catch (err) {
    // A damaged store or a full disk: say so in a dialog and stop, never open on a new empty store.
    const failure = startupFailure(err);
    log('error', 'core did not start', { code: failure.code });
    dialog.showErrorBox('Quầy Một cửa không khởi động được / One-Stop Counter could not start', failure.text);
    app.exit(failure.exitCode);
    return;
  }
  const here = import.meta.dirname;
  const win = createMainWindow(join(here, '../preload/preload.cjs'));
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const indexUrl = devUrl ?? pathToFileURL(rendererIndex(here)).href;
  const unwire = wireIpc(core, win, devUrl ?? pathToFileURL(join(here, '../renderer')).href);
  await win.loadURL(indexUrl);
  void core.call('devices.list', { refresh: true });
  void startUpdater(core, (message, fields) => log('info', message, fields));
  app.on('window-all-closed', () => {
    unwire();
    void core.close().then(() => app.quit());
  });
}

if (!app.requestSingleInstanceLock()) app.quit();
else void start();
