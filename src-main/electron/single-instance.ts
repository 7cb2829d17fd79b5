/** The part of Electron's `app` the lock needs, so the behaviour is testable in plain Node. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/**
 * One app per PC: a second launch (a double-click on the shortcut while the app sits in the tray)
 * would open a second core on the same database and outbox. The second process quits at once; the
 * first brings its window back to the front. Returns false in the second process.
 */
export function claimSingleInstance(app: SingleInstanceApp, currentWindow: () => FocusableWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = currentWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    if (!win.isVisible()) win.show();
    win.focus();
  });
  return true;
}
