import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(join(ROOT, 'package.json'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('Windows packaging (electron-builder NSIS)', () => {
  it('has a configuration electron-builder itself accepts', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(pkg.build, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('installs per machine with NSIS and unpacks native modules from the asar', () => {
    expect(pkg.build.win.target[0].target).toBe('nsis');
    expect(pkg.build.nsis.perMachine).toBe(true);
    expect(pkg.build.asarUnpack).toContain('**/*.node');
    expect(pkg.build.npmRebuild).toBe(false);
  });

  // The same Node-API binary loads in Node (tests) and Electron (the app): no per-ABI rebuild, which
  // cannot be done offline. So each native module must ship a win32-x64 prebuild inside its package.
  it.each([
    ['better-sqlite3', 'prebuilds/win32-x64.node'],
    ['@serialport/bindings-cpp', 'prebuilds/win32-x64'],
    ['node-hid', 'prebuilds/HID-win32-x64'],
  ])('%s ships a Windows x64 Node-API prebuild', (name, rel) => {
    const dir = join(ROOT, 'node_modules', name);
    expect(existsSync(join(dir, rel))).toBe(true);
    expect(pkg.dependencies[name] ?? pkg.dependencies[name.replace('@serialport/bindings-cpp', 'serialport')]).toBeTruthy();
  });

  // electron-builder packs only `dependencies`: everything the built main process imports must be one.
  it('lists every package the built main process imports under dependencies', () => {
    const main = join(ROOT, 'out', 'main');
    expect(existsSync(join(main, 'index.js'))).toBe(true);
    // index.js, cli.js and web.js share the core's chunks.
    const src = readdirSync(main, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(main, f), 'utf8'))
      .join('\n');
    const specs = [...src.matchAll(/\bfrom\s+"([^".\/][^"]*)"/g), ...src.matchAll(/\bimport\(\s*"([^".\/][^"]*)"\s*\)/g)].map((m) => m[1] as string);
    const names = new Set(specs.filter((s) => !s.startsWith('node:') && s !== 'electron').map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string))));
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((n) => !pkg.dependencies[n])).toEqual([]);
  });

  // The installed app's `counter`: resources\counter.cmd runs the app binary with --cli.
  it('ships the built CLI and a counter.cmd shim that names the real executable', () => {
    expect(pkg.build.files).toContain('out/**');
    expect(existsSync(join(ROOT, 'out', 'main', 'cli.js'))).toBe(true);
    expect(pkg.build.extraResources).toContainEqual({ from: 'native/cli/counter.cmd', to: 'counter.cmd' });
    const shim = readFileSync(join(ROOT, 'native', 'cli', 'counter.cmd'));
    // cmd.exe reads batch files in the OEM code page and wants CRLF: plain ASCII, CRLF only.
    expect([...shim].every((b) => b < 0x80)).toBe(true);
    expect(shim.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(shim.toString('latin1')).toContain(`"%~dp0..\\${pkg.build.executableName}.exe" --cli %*`);
  });

  it('fuses RunAsNode off (the CLI runs the app binary with --cli), NODE_OPTIONS and --inspect off, code only from a validated asar', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const main = readFileSync(join(ROOT, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/ELECTRON_RUN_AS_NODE|child_process/);
  });

  it('has an icon of at least 256 px for the installer, the shortcuts and the tray', () => {
    const png = readFileSync(join(ROOT, pkg.build.win.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(pkg.build.extraResources).toContainEqual({ from: 'native/build/icon.png', to: 'icon.png' });
  });

  it('creates the machine-wide data folder writable by every Windows account, and keeps it on uninstall', () => {
    const nsh = readFileSync(join(ROOT, pkg.build.nsis.include), 'latin1');
    expect(nsh).toContain('CreateDirectory "$0\\QuayMotCua"');
    expect(nsh).toContain('*S-1-5-32-545:(OI)(CI)M');
    expect(pkg.build.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('packs only the tesseract data the app loads (4.0.0_best_int), and no unused PNG library', () => {
    expect(pkg.build.files).toContain('!**/node_modules/@tesseract.js-data/*/4.0.0/**');
    expect(readFileSync(join(ROOT, 'src-main', 'documents', 'ocr-lang.ts'), 'utf8')).toContain("'4.0.0_best_int'");
    expect(pkg.dependencies.pngjs).toBeUndefined();
    expect(pkg.engines.node).toBe('>=22');
  });
});
