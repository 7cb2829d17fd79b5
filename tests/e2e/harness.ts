import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { chromium, _electron, type Browser, type Page, type ElectronApplication } from 'playwright-core';
// @ts-expect-error plain ESM launcher without type declarations
import { findElectron } from '../../src-main/launch/electron-binary.mjs';
import { spawnChild, type ManagedChild } from '../support/children.ts';
// @ts-expect-error plain ESM launcher without type declarations
import { ensureBuilt } from '../../src-main/launch/build-current.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
/**
 * Where the specs save their screenshots: a temp folder (the suite never writes into the tree), or
 * OSC_SCREENSHOTS_DIR. `npm run screenshots` also refreshes the README's pictures (see readmeShot).
 */
export const SCREENSHOTS = process.env.OSC_SCREENSHOTS_DIR ?? join(tmpdir(), 'osc-e2e-screenshots');
const README_SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots', 'readme');

/** Copies a saved screenshot to the README's pictures, only when `npm run screenshots` asks for it. */
export function readmeShot(file: string, name: string): void {
  if (process.env.OSC_README_SCREENSHOTS !== '1') return;
  mkdirSync(README_SHOTS, { recursive: true });
  copyFileSync(file, join(README_SHOTS, `${name}.png`));
}

export type HostName = 'web' | 'electron';

export interface AppUnderTest {
  host: HostName;
  page: Page;
  dataDir: string;
  /** Saves a PNG as SCREENSHOTS/<host>-<name>.png; `readme` also refreshes that README picture (web only). */
  screenshot(name: string, opts?: { readme?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  training?: boolean;
  dataDir?: string;
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
}

const CHROMIUM_ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The Electron runtime, when this machine has one (never downloaded by the tests). */
export function electronRuntime(): { path?: string; reason?: string } {
  return findElectron({ allowDownload: false, timeoutMs: 10_000 }) as { path?: string; reason?: string };
}

let runtimeOnce: { path?: string; reason?: string } | undefined;

/**
 * One describe block per host: always the web host; the Electron block is registered either way, and
 * skipped with its reason in the name where this machine has no Electron runtime, so the run's
 * summary counts its cases as skipped instead of not mentioning them.
 */
export function describeEachHost(title: string, body: (host: HostName) => void): void {
  runtimeOnce ??= electronRuntime();
  describe(title.replace('%s', 'web'), () => body('web'));
  const electronTitle = title.replace('%s', 'electron');
  const absent = !runtimeOnce.path;
  const name = absent ? `${electronTitle} — skipped: no Electron runtime here (${runtimeOnce.reason})` : electronTitle;
  describe.skipIf(absent)(name, () => body('electron'));
}

/**
 * Starts the built web host (out/main/web.js, built first if stale) as `npm run start:web` would,
 * and waits for the URL it prints; `fromSource` runs src-main/web/main.ts through tsx instead (the
 * bench's before/after baseline). The host is one process group: `child.stop()` ends it, SIGKILL
 * after 5 s. When it does not start, it is stopped before the error is thrown.
 */
export async function startWebHost(opts: OpenOptions & { dataDir: string; fromSource?: boolean }): Promise<{ url: string; child: ManagedChild }> {
  let entry = [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src-main', 'web', 'main.ts')];
  if (!opts.fromSource) {
    const failed = ensureBuilt({ quiet: true }) as string | undefined;
    if (failed) throw new Error(failed);
    entry = [join(ROOT, 'out', 'main', 'web.js')];
  }
  const args = [...entry, '--port', '0', '--data-dir', opts.dataDir];
  if (opts.training) args.push('--training');
  // The app under test runs as on a counter PC set to Vietnam's zone (else the status bar warns; a
  // test of that warning passes another TZ in opts.env).
  const child = spawnChild(process.execPath, args, { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', ...opts.env }, graceMs: 5000 });
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      timer = setTimeout(() => reject(new Error(`web host did not start within 30 s: ${child.stderrTail()}`)), 30_000);
      child.process.stdout!.on('data', (d) => {
        out += String(d);
        const m = /COUNTER_URL=(\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void child.exited.then(({ code, signal }) => reject(new Error(`web host exited (${code ?? signal}): ${child.stderrTail()}`)));
    });
    return { url, child };
  } catch (e) {
    await child.stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a browser or Electron app, bounded: a hung close must not hang the file's afterAll. */
async function closeWithin(close: () => Promise<void>, ms: number, onTimeout: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  const r = await Promise.race([close().catch(() => undefined), timedOut]);
  clearTimeout(timer);
  if (r === 'timeout') onTimeout();
}

/**
 * `goto` returns at the load event, but React renders the frame in a later task; on a loaded machine a
 * test's first key press or click could land on the empty page. The section navigation is the frame.
 */
async function appShown(page: Page): Promise<void> {
  await page.getByRole('navigation').first().waitFor({ timeout: 30_000 });
}

export async function openApp(host: HostName, opts: OpenOptions = {}): Promise<AppUnderTest> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'osc-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = opts.viewport ?? { width: 1366, height: 768 };
  const shot = (page: Page) => async (name: string, o: { readme?: string } = {}) => {
    const file = join(SCREENSHOTS, `${host}-${name}.png`);
    await page.screenshot({ path: file });
    if (o.readme && host === 'web') readmeShot(file, o.readme);
    return file;
  };
  if (host === 'web') {
    const { url, child } = await startWebHost({ ...opts, dataDir });
    let browser: Browser | undefined;
    const close = async () => {
      const b = browser;
      // playwright kills a browser it launched when this process exits, if close hangs.
      if (b) await closeWithin(() => b.close(), 10_000, () => undefined);
      await child.stop();
    };
    try {
      browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      await page.goto(url);
      await appShown(page);
      return { host, page, dataDir, screenshot: shot(page), close };
    } catch (e) {
      await close(); // Chromium missing or the page not loading: the host must not be left running.
      throw e;
    }
  }
  const runtime = electronRuntime();
  if (!runtime.path) throw new Error(`no Electron runtime: ${runtime.reason}`);
  const app: ElectronApplication = await _electron.launch({
    executablePath: runtime.path,
    args: [ROOT, ...(opts.training ? ['--training'] : [])],
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', ...opts.env, COUNTER_DATA_DIR: dataDir } as Record<string, string>,
  });
  const close = () => closeWithin(() => app.close(), 10_000, () => app.process().kill('SIGKILL'));
  try {
    const page = await app.firstWindow();
    await page.setViewportSize(viewport);
    await appShown(page);
    return { host, page, dataDir, screenshot: shot(page), close };
  } catch (e) {
    await close();
    throw e;
  }
}
