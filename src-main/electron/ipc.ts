import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../contract/bridge.ts';
import { RpcErrors } from '../contract/errors.ts';
import type { Core } from '../core.ts';

/**
 * Only the app's own top frame may call the core (the VS Code `validatedIpcMain` idea): a
 * sub-frame or a navigated-away page gets UNAUTHORIZED.
 */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || event.sender !== win.webContents || frame !== win.webContents.mainFrame) return false;
  return frame.url.startsWith(appOrigin);
}

export function wireIpc(core: Core, win: BrowserWindow, appOrigin: string): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, win, appOrigin)) return { ok: false, error: RpcErrors.raise('UNAUTHORIZED').toBody() };
    return core.call(String(method), input, { host: 'electron' });
  });
  const unsubscribe = core.bus.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
