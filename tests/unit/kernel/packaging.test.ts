import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
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
    const main = join(ROOT, 'out', 'main', 'index.js');
    expect(existsSync(main)).toBe(true);
    const src = readFileSync(main, 'utf8');
    const specs = [...src.matchAll(/\bfrom\s+"([^".\/][^"]*)"/g), ...src.matchAll(/\bimport\(\s*"([^".\/][^"]*)"\s*\)/g)].map((m) => m[1] as string);
    const names = new Set(specs.filter((s) => !s.startsWith('node:') && s !== 'electron').map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string))));
    expect(names.size).toBeGreaterThan(10);
    expect([...names].filter((n) => !pkg.dependencies[n])).toEqual([]);
  });
});
