import * as fs from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, legacyDataDirs } from './data-dir.ts';

/** The file whose presence makes a folder a counter's data folder. */
const DB_FILE = 'counter.sqlite';
export const MIGRATED_MARK = 'DA-CHUYEN-SANG.txt';

export type MigrationFs = Pick<typeof fs, 'existsSync' | 'statSync' | 'cpSync' | 'renameSync' | 'rmSync' | 'writeFileSync' | 'mkdirSync'>;

export type MigrationResult = { moved: false; reason: 'target-has-data' | 'nothing-to-move' } | { moved: true; from: string; skipped: string[] };

/**
 * One-time move of a per-user data folder (earlier versions: %APPDATA%) to the machine-wide one.
 * Runs before the store opens, so no SQLite file is in use. Copies into `<target>.moving` and
 * renames it into place, so a power cut leaves either no target or a complete one; the old folder
 * is kept (with a note saying where the data went) as the way back. When several accounts had data,
 * the most recently used database wins and the others are named in the result for IT.
 */
export function migrateDataDir(target: string, candidates: readonly string[], f: MigrationFs = fs): MigrationResult {
  if (f.existsSync(join(target, DB_FILE))) return { moved: false, reason: 'target-has-data' };
  const withData = candidates
    .filter((c) => c !== target && f.existsSync(join(c, DB_FILE)) && !f.existsSync(join(c, MIGRATED_MARK)))
    .map((c) => ({ dir: c, used: Math.max(...['', '-wal'].map((s) => f.statSync(join(c, DB_FILE + s), { throwIfNoEntry: false })?.mtimeMs ?? 0)) }))
    .sort((a, b) => b.used - a.used);
  const chosen = withData[0];
  if (!chosen) return { moved: false, reason: 'nothing-to-move' };
  const staging = `${target}.moving`;
  f.rmSync(staging, { recursive: true, force: true });
  f.cpSync(chosen.dir, staging, { recursive: true, errorOnExist: true, preserveTimestamps: true });
  // The target folder the installer made (empty, or with a log of a first start) steps aside.
  if (f.existsSync(target)) f.renameSync(target, `${target}.truoc-khi-chuyen-${Date.now()}`);
  f.renameSync(staging, target);
  f.writeFileSync(
    join(chosen.dir, MIGRATED_MARK),
    `Dữ liệu đã chuyển sang ${target} (${new Date().toISOString()}). Thư mục này được giữ lại để khôi phục; có thể xóa khi ứng dụng chạy ổn.\r\n` +
      `Data moved to ${target}. This folder is kept for recovery; delete it once the app runs well.\r\n`,
  );
  return { moved: true, from: chosen.dir, skipped: withData.slice(1).map((c) => c.dir) };
}

/**
 * The data folder a host uses when none is given, moving an older per-user folder there first
 * (Windows). `extra` adds the shell's own old location (Electron's userData).
 */
export function prepareDefaultDataDir(opts: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; training?: boolean; extra?: string[]; log?: (message: string, fields?: Record<string, unknown>) => void } = {}): string {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const base = defaultDataDir(env, platform);
  const candidates = [...legacyDataDirs(env, platform), ...(platform === 'win32' && !env.COUNTER_DATA_DIR ? (opts.extra ?? []) : [])];
  if (candidates.length) {
    try {
      const r = migrateDataDir(base, candidates);
      if (r.moved) opts.log?.('data folder moved to the machine-wide folder', { from: r.from, to: base, skipped: r.skipped });
    } catch (err) {
      // The old folder is untouched; the app starts on the new one and IT can move data by hand.
      opts.log?.('data folder move failed', { error: String(err) });
    }
  }
  return defaultDataDir(env, platform, opts.training ?? false);
}
