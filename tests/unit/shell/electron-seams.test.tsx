import { describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { appMenuTemplate } from '../../../src-main/electron/menu.ts';

type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number];
import { claimSingleInstance, type FocusableWindow } from '../../../src-main/electron/single-instance.ts';
import { closeToTray, quitQuestion, waitingDossiers } from '../../../src-main/electron/background.ts';
import { reloadOnRendererGone, shouldReload } from '../../../src-main/electron/renderer-recovery.ts';
import { cliArgsFromArgv } from '../../../src-main/electron/cli-mode.ts';
import { listCrashDumps } from '../../../src-main/platform/crash-dumps.ts';
import { buildDiagnostics } from '../../../src-main/features/admin/diagnostics/diagnostics-service.ts';
import { ErrorBoundary } from '../../../src-renderer/app/ErrorBoundary.tsx';

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  const actions = { showWindow: vi.fn(), quit: vi.fn(), openDataFolder: vi.fn() };

  it('has no Reload or DevTools in a packaged build, and both in development', () => {
    const roles = (packaged: boolean) => flat(appMenuTemplate({ packaged, platform: 'win32' }, actions)).map((i) => i.role);
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('is Vietnamese first, and Quit goes through the app (which asks about waiting dossiers)', () => {
    const items = flat(appMenuTemplate({ packaged: true, platform: 'win32' }, actions)).filter((i) => i.type !== 'separator');
    // "Vietnamese / English" on every item; the default Electron menu would say "File", "Reload".
    for (const i of items) expect(i.label).toMatch(/^[^/]+ \/ [A-Z][^/]*$/);
    expect(items.map((i) => i.label?.split(' / ')[0])).toEqual(expect.arrayContaining(['Tệp', 'Sửa', 'Xem', 'Thoát', 'Sao chép']));
    const quit = items.find((i) => i.label?.startsWith('Thoát'));
    expect(quit?.accelerator).toBe('Ctrl+Q');
    (quit?.click as () => void)();
    expect(actions.quit).toHaveBeenCalledOnce();
  });
});

describe('single instance', () => {
  const fakeApp = (locked: boolean) => {
    const listeners: Array<() => void> = [];
    return { requestSingleInstanceLock: () => locked, on: (_e: 'second-instance', l: () => void) => listeners.push(l), quit: vi.fn(), fire: () => listeners.forEach((l) => l()) };
  };
  const fakeWindow = (minimized: boolean, visible: boolean) => {
    const calls: string[] = [];
    const w: FocusableWindow = { isDestroyed: () => false, isMinimized: () => minimized, restore: () => calls.push('restore'), isVisible: () => visible, show: () => calls.push('show'), focus: () => calls.push('focus') };
    return { w, calls };
  };

  it('quits a second launch at once', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('brings the open window back when someone launches the app again', () => {
    const app = fakeApp(true);
    const hidden = fakeWindow(true, false);
    expect(claimSingleInstance(app, () => hidden.w)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.fire();
    expect(hidden.calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('tray and quit', () => {
  it('counts the dossiers not yet at the province and says so before quitting', () => {
    expect(waitingDossiers({ counts: { pending: 2, sending: 1, 'failed-retrying': 4, sent: 9, confirmed: 30, quarantined: 1 } })).toBe(7);
    expect(waitingDossiers(undefined)).toBe(0);
    const q = quitQuestion(7);
    expect(q.ask).toBe(true);
    expect(q.message).toMatch(/^Còn 7 hồ sơ chưa gửi/);
    expect(quitQuestion(0).ask).toBe(false);
  });

  it('hides the window on close so delivery continues, and closes for real after Quit', () => {
    let onClose: (e: { preventDefault(): void }) => void = () => {};
    const win = { on: (_e: 'close', l: typeof onClose) => void (onClose = l), hide: vi.fn() };
    const told = vi.fn();
    const ctl = closeToTray(win, told);
    const e1 = { preventDefault: vi.fn() };
    onClose(e1);
    onClose({ preventDefault: vi.fn() });
    expect(e1.preventDefault).toHaveBeenCalled();
    expect(win.hide).toHaveBeenCalledTimes(2);
    expect(told).toHaveBeenCalledOnce();
    ctl.quitting();
    const e2 = { preventDefault: vi.fn() };
    onClose(e2);
    expect(e2.preventDefault).not.toHaveBeenCalled();
  });
});

describe('renderer recovery', () => {
  it('reloads a dead renderer, but not a clean exit and not in a crash loop', () => {
    expect(shouldReload('crashed', [], 0)).toBe(true);
    expect(shouldReload('clean-exit', [], 0)).toBe(false);
    let listener: (e: unknown, d: { reason: string; exitCode: number }) => void = () => {};
    const win = { isDestroyed: () => false, webContents: { on: (_e: 'render-process-gone', l: typeof listener) => void (listener = l), reload: vi.fn() } };
    let now = 1_000_000;
    const log = vi.fn();
    reloadOnRendererGone(win, log, () => now);
    for (let i = 0; i < 5; i++) {
      listener({}, { reason: 'oom', exitCode: -1 });
      now += 5_000;
    }
    expect(win.webContents.reload).toHaveBeenCalledTimes(3);
    now += 60_000;
    listener({}, { reason: 'crashed', exitCode: -1 });
    expect(win.webContents.reload).toHaveBeenCalledTimes(4);
    expect(log).toHaveBeenCalledWith('renderer gone; not reloading', { reason: 'oom', exitCode: -1 });
  });
});

describe('CLI mode of the app binary', () => {
  it('takes the words after --cli, and nothing for a normal launch', () => {
    expect(cliArgsFromArgv(['C:\\Program Files\\Quầy Một cửa\\QuayMotCua.exe', '--cli', '--training', 'dossiers', 'list'])).toEqual(['--training', 'dossiers', 'list']);
    expect(cliArgsFromArgv(['electron', '.', '--training'])).toBeUndefined();
  });
});

describe('crash dumps in diagnostics export', () => {
  it('lists the local minidumps newest first and carries the newest byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-dumps-'));
    try {
      mkdirSync(join(dir, 'reports'), { recursive: true });
      writeFileSync(join(dir, 'reports', 'old.dmp'), Buffer.from([1, 2, 3]));
      utimesSync(join(dir, 'reports', 'old.dmp'), new Date('2026-03-01'), new Date('2026-03-01'));
      const bytes = Buffer.from('MDMP\u0093\u00a7 Nguyễn Văn An', 'latin1');
      writeFileSync(join(dir, 'reports', 'new.dmp'), bytes);
      writeFileSync(join(dir, 'settings.dat'), 'not a dump');
      const dumps = listCrashDumps(dir, 1);
      expect(dumps.map((d) => d.file)).toEqual(['reports/new.dmp', 'reports/old.dmp']);
      expect(dumps[1]?.base64).toBeUndefined();
      const bundle = await buildDiagnostics({ dataDir: dir, appInfo: () => ({}), devices: async () => [], crashDumps: () => listCrashDumps(dir, 1) }, 10);
      const parsed = JSON.parse(bundle.json) as { crashDumps: Array<{ file: string; base64?: string }> };
      expect(Buffer.from(parsed.crashDumps[0]?.base64 ?? '', 'base64')).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('error boundary', () => {
  it('replaces only the failed screen with a Vietnamese notice and a retry', () => {
    const onError = vi.fn();
    const b = new ErrorBoundary({ children: 'page', onError });
    expect(b.render()).toBe('page');
    b.state = ErrorBoundary.getDerivedStateFromError(new Error('boom'));
    const html = renderToStaticMarkup(<>{b.render()}</>);
    expect(html).toContain('Màn hình này gặp lỗi');
    expect(html).toContain('Thử lại / Retry');
    b.componentDidCatch(new Error('boom'), { componentStack: '' });
    expect(onError).toHaveBeenCalledOnce();
  });
});
