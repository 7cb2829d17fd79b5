// Builds out/ only when a source is newer than the last build, so `npm start` and `counter` start in
// well under a second when nothing changed. Concurrent callers (parallel tests) wait for one build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectNode, projectRoot } from './project-node.mjs';

const SOURCES = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'];
export const STAMP = join(projectRoot, 'out', '.build-stamp');
const LOCK = join(projectRoot, 'out', '.build-lock');
const ENTRIES = ['main/index.js', 'main/cli.js', 'main/web.js', 'preload/preload.cjs', 'renderer/index.html'];

function newestMtime(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** True when every entry exists and the stamp is newer than every source file. */
export function buildIsCurrent(root = projectRoot) {
  const stamp = statSync(join(root, 'out', '.build-stamp'), { throwIfNoEntry: false });
  if (!stamp || !ENTRIES.every((e) => existsSync(join(root, 'out', e)))) return false;
  return SOURCES.every((s) => newestMtime(join(root, s)) <= stamp.mtimeMs);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Returns undefined when out/ is current (built now or already), else a reason. */
export function ensureBuilt({ quiet = false } = {}) {
  if (buildIsCurrent()) return undefined;
  mkdirSync(join(projectRoot, 'out'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
      sleep(200);
      if (buildIsCurrent()) return undefined;
    }
  }
  try {
    if (buildIsCurrent()) return undefined;
    if (!quiet) process.stderr.write('Đang build ứng dụng (mã nguồn đã đổi)… / Building the app (sources changed)…\n');
    const started = Date.now();
    const r = spawnSync(projectNode(), [join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (r.status !== 0) return `electron-vite build failed (${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-5).join(' | ')}`;
    writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
    return undefined;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
