import { Menu, Tray, dialog, nativeImage, type BrowserWindow } from 'electron';
import { quitQuestion } from './background.ts';

/**
 * The tray icon that keeps the app (and delivery to the province) alive with the window closed:
 * open the window, or quit, after saying how many dossiers still wait.
 */
export function createTray(iconPath: string, win: () => BrowserWindow | undefined, waiting: () => Promise<number>, quit: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  const show = () => {
    const w = win();
    if (!w || w.isDestroyed()) return;
    w.show();
    w.focus();
  };
  const askAndQuit = async () => {
    const q = quitQuestion(await waiting().catch(() => 0));
    if (q.ask) {
      const w = win();
      const opts = { type: 'warning' as const, message: q.message, detail: q.detail, buttons: q.buttons, defaultId: 1, cancelId: 1, noLink: true };
      const r = w && !w.isDestroyed() ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
      if (r.response !== 0) return;
    }
    quit();
  };
  tray.setToolTip('Quầy Một cửa — vẫn chạy và gửi hồ sơ / still running and sending dossiers');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Mở Quầy Một cửa / Open', click: show },
      { type: 'separator' },
      { label: 'Thoát / Quit', click: () => void askAndQuit() },
    ]),
  );
  tray.on('click', show);
  return Object.assign(tray, { askAndQuit });
}

export type CounterTray = ReturnType<typeof createTray> & { askAndQuit(): Promise<void> };
