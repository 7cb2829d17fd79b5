import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanDriver } from '../../devices/scanner/driver.ts';
import { SaneDriver } from '../../devices/scanner/sane-driver.ts';
import { EsclDriver } from '../../devices/scanner/escl/escl-driver.ts';
import { discoverEscl } from '../../devices/scanner/escl/mdns.ts';
import { HotFolderDriver } from '../../devices/scanner/hotfolder.ts';
import { WiaDriver } from '../../devices/scanner/wia-driver.ts';

/** `<dataDir>/scanners.json`: addresses discovery cannot find (until a settings section holds them). */
export interface ScannerConfig {
  escl?: string[];
  hotFolders?: string[];
  mdns?: boolean;
}

export function readScannerConfig(dataDir: string): ScannerConfig {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'scanners.json'), 'utf8')) as ScannerConfig;
  } catch {
    return {};
  }
}

/**
 * Training mode points SANE at a private configuration with only the `test` backend (A4-sized,
 * ADF of 10 sheets), so a counter without a scanner can practise the whole flow.
 */
export function trainingSaneConfig(dataDir: string): string {
  const dir = join(dataDir, 'sane-training');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  const base = existsSync('/etc/sane.d/test.conf') ? readFileSync('/etc/sane.d/test.conf', 'utf8').replace(/^geometry_max.*$/m, '') : '';
  writeFileSync(join(dir, 'test.conf'), `${base}\ngeometry_max 300.0\n`);
  return dir;
}

export function wiaScriptPath(): string {
  // Installed app: electron-builder copies native/wia to <resources>/wia (extraResources).
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const installed = resources ? join(resources, 'wia', 'wia-scan.ps1') : undefined;
  if (installed && existsSync(installed)) return installed;
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', '..', '..', 'native', 'wia', 'wia-scan.ps1');
}

export function createScannerDrivers(dataDir: string, trainingMode: boolean): ScanDriver[] {
  const cfg = () => readScannerConfig(dataDir);
  return [
    new SaneDriver({ configDir: trainingMode ? trainingSaneConfig(dataDir) : undefined, extraArgs: (d) => (d.startsWith('test') ? ['--test-picture', 'Grid'] : []) }),
    new EsclDriver({ manual: () => cfg().escl ?? [], discover: cfg().mdns === false || trainingMode ? undefined : () => discoverEscl(1500) }),
    new HotFolderDriver({ folders: () => cfg().hotFolders ?? [] }),
    new WiaDriver(wiaScriptPath()),
  ];
}
