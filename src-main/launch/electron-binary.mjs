// Where the Electron runtime is, or why there is none. Electron 45 fetches its binary lazily from
// GitHub; where that host cannot be reached (this build machine, CI) the attempt fails fast.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { projectNode, projectRoot } from './project-node.mjs';

const require = createRequire(import.meta.url);

export function findElectron({ allowDownload = true, timeoutMs = 60_000 } = {}) {
  if (process.env.COUNTER_NO_ELECTRON === '1') return { reason: 'COUNTER_NO_ELECTRON=1', vi: 'đã đặt COUNTER_NO_ELECTRON=1' };
  let pkgDir;
  try {
    pkgDir = require.resolve('electron/package.json', { paths: [projectRoot] }).replace(/package\.json$/, '');
  } catch {
    return { reason: 'the electron package is not installed', vi: 'chưa cài gói electron' };
  }
  if (!allowDownload && !existsSync(`${pkgDir}path.txt`)) return { reason: 'the Electron binary has not been downloaded', vi: 'chưa tải chương trình Electron' };
  // Requiring 'electron' from Node returns the binary's path, downloading it first if needed.
  const r = spawnSync(projectNode(), ['-e', "process.stdout.write(require('electron'))"], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const path = r.stdout?.trim();
  if (r.status === 0 && path && existsSync(path)) return { path };
  const why = `${r.stderr ?? ''}`.split('\n').find((l) => /Error|ENOTFOUND|fetch failed/.test(l))?.trim();
  return { reason: `the Electron binary could not be downloaded (${why || 'no network to GitHub'})`, vi: 'không tải được chương trình Electron (không có mạng tới GitHub?)' };
}
