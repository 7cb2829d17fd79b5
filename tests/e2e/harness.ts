import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, _electron, type Browser, type Page, type ElectronApplication } from 'playwright-core';
// @ts-expect-error plain ESM launcher without type declarations
import { findElectron } from '../../src-main/launch/electron-binary.mjs';
// @ts-expect-error plain ESM launcher without type declarations
import { ensureBuilt } from '../../src-main/launch/build-current.mjs';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

export type HostName = 'web' | 'electron';

export interface AppUnderTest {
  host: HostName;
  page: Page;
  dataDir: string;
  /** Saves a PNG under tests/e2e/screenshots/<host>-<name>.png. */
  screenshot(name: string): Promise<string>;
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

/** Hosts the e2e specs run against: always the web host; Electron where its runtime exists. */
export function hostsUnderTest(): HostName[] {
  return electronRuntime().path ? ['web', 'electron'] : ['web'];
}

/**
 * Starts the built web host (out/main/web.js, built first if stale) as `npm run start:web` would,
 * and waits for the URL it prints. `fromSource` runs src-main/web/main.ts through tsx instead
 * (the bench's before/after baseline).
 */
export async function startWebHost(opts: OpenOptions & { dataDir: string; fromSource?: boolean }): Promise<{ url: string; child: ChildProcess }> {
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
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 30_000);
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /COUNTER_URL=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${stderr}`)));
  });
  return { url, child };
}

export async function openApp(host: HostName, opts: OpenOptions = {}): Promise<AppUnderTest> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'osc-e2e-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = opts.viewport ?? { width: 1366, height: 768 };
  const shot = (page: Page) => async (name: string) => {
    const file = join(SCREENSHOTS, `${host}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  if (host === 'web') {
    const { url, child } = await startWebHost({ ...opts, dataDir });
    const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await page.goto(url);
    return {
      host,
      page,
      dataDir,
      screenshot: shot(page),
      async close() {
        await browser.close();
        child.kill('SIGTERM');
      },
    };
  }
  const runtime = electronRuntime();
  if (!runtime.path) throw new Error(`no Electron runtime: ${runtime.reason}`);
  const app: ElectronApplication = await _electron.launch({
    executablePath: runtime.path,
    args: [ROOT, ...(opts.training ? ['--training'] : [])],
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', ...opts.env, COUNTER_DATA_DIR: dataDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.setViewportSize(viewport);
  return { host, page, dataDir, screenshot: shot(page), close: () => app.close() };
}
