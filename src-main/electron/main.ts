import { app, crashReporter, dialog, Menu, net, shell, Notification, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
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
import { cliArgsFromArgv } from './cli-mode.ts';
import { prepareDefaultDataDir } from '../platform/data-migration.ts';
import { appMenuTemplate } from './menu.ts';
import { claimSingleInstance } from './single-instance.ts';
import { closeToTray, waitingDossiers } from './background.ts';
import { reloadOnRendererGone } from './renderer-recovery.ts';
import { createTray, type CounterTray } from './tray.ts';
import type { QueueSummary } from '../contract/queue.ts';

let mainWindow: BrowserWindow | undefined;

/** resources/icon.png in the installed app, native/build/icon.png in a development run. */
const iconPath = () => [join(process.resourcesPath ?? '', 'icon.png'), join(app.getAppPath(), 'native', 'build', 'icon.png')].find((p) => existsSync(p)) ?? '';

/** The Electron shell: windows and OS integration only; everything else is the Core. */
async function start(): Promise<void> {
  // Minidumps stay on this PC (no upload); diagnostics export includes them for IT.
  crashReporter.start({ uploadToServer: false, compress: true });
  await app.whenReady();
  hardenSession();
  const training = process.env.COUNTER_TRAINING === '1' || process.argv.includes('--training');
  // One machine-wide folder (Windows: %PROGRAMDATA%\QuayMotCua), moved once from the per-user
  // userData of earlier versions; training gets a folder of its own inside it.
  const moves: Array<[string, Record<string, unknown> | undefined]> = [];
  const dataDir =
    process.platform === 'win32' || process.env.COUNTER_DATA_DIR
      ? prepareDefaultDataDir({ training, extra: [app.getPath('userData')], log: (m, f) => moves.push([m, f]) })
      : join(app.getPath('userData'), ...(training ? ['dao-tao'] : []));
  const log = fileLogger(dataDir);
  for (const [m, f] of moves) log('warn', m, f);
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
    // Chromium's network stack: the Windows proxy/PAC and certificate store, like the browser.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    crashDumpsDir: app.getPath('crashDumps'),
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
  mainWindow = win;
  const waiting = async () => {
    const r = await core.call('queue.status', {});
    return r.ok ? waitingDossiers(r.value as QueueSummary) : 0;
  };
  const hide = closeToTray(win, () => {
    if (Notification.isSupported()) new Notification({ title: 'Quầy Một cửa', body: 'Ứng dụng vẫn chạy ở khay hệ thống và tiếp tục gửi hồ sơ. / Still running in the tray, sending dossiers.' }).show();
  });
  const quit = () => {
    hide.quitting();
    app.quit();
  };
  const tray = createTray(iconPath(), () => mainWindow, waiting, quit) as CounterTray;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({ packaged: app.isPackaged, platform: process.platform }, {
        showWindow: () => win.show(),
        quit: () => void tray.askAndQuit(),
        openDataFolder: () => void shell.openPath(dataDir),
      }),
    ),
  );
  reloadOnRendererGone(win, (message, fields) => log('error', message, fields));
  // The dev server URL is for development only: a packaged app never loads code from elsewhere.
  const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const indexUrl = devUrl ?? pathToFileURL(rendererIndex(here)).href;
  const unwire = wireIpc(core, win, devUrl ?? pathToFileURL(join(here, '../renderer')).href);
  await win.loadURL(indexUrl);
  void core.call('devices.list', { refresh: true });
  void startUpdater(core, (message, fields) => log('info', message, fields));
  // With the window hidden to the tray the app keeps running; it ends only through Quit.
  app.on('before-quit', () => hide.quitting());
  app.on('will-quit', (e) => {
    e.preventDefault();
    unwire();
    tray.destroy();
    void core.close().then(() => app.exit(0));
  });
}

const cliArgs = cliArgsFromArgv(process.argv);
if (cliArgs) {
  // `counter.cmd` → the CLI in this process: no window, no single-instance lock (the CLI may run
  // beside the open app, on the same WAL database), exit with the CLI's code.
  void import('../cli/run.ts').then(async ({ runCli }) => app.exit(await runCli(cliArgs)));
} else if (claimSingleInstance(app, () => mainWindow)) void start();
