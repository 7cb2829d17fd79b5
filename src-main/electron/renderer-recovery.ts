/**
 * A renderer that died (GPU driver crash, out of memory on an old PC) is reloaded, so the counter
 * is back in a second; the core, its queue and the scan session live in the main process and lose
 * nothing. A renderer that keeps dying is not reloaded in a loop: three in a minute and it stops.
 */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

export function shouldReload(reason: string, recentReloads: readonly number[], now: number): boolean {
  if (reason === 'clean-exit') return false;
  return recentReloads.filter((t) => now - t < RELOAD_WINDOW_MS).length < MAX_RELOADS;
}

export interface RecoverableWindow {
  webContents: {
    on(event: 'render-process-gone', listener: (e: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    reload(): void;
  };
  isDestroyed(): boolean;
}

export function reloadOnRendererGone(win: RecoverableWindow, log: (message: string, fields?: Record<string, unknown>) => void, now = () => Date.now()): void {
  const reloads: number[] = [];
  win.webContents.on('render-process-gone', (_e, details) => {
    const reload = !win.isDestroyed() && shouldReload(details.reason, reloads, now());
    log(reload ? 'renderer gone; reloading' : 'renderer gone; not reloading', { reason: details.reason, exitCode: details.exitCode });
    if (!reload) return;
    reloads.push(now());
    win.webContents.reload();
  });
}
