import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CrashDump {
  file: string;
  bytes: number;
  at: string;
  /** The minidump itself, for the newest few only (it holds process memory: handle the bundle as sensitive). */
  base64?: string;
}

/**
 * The Electron crash reporter's local minidumps (nothing is uploaded anywhere), newest first, for
 * the diagnostics bundle: every dump listed, the newest `withContent` included while each is at
 * most `maxBytes`.
 */
export function listCrashDumps(dir: string | undefined, withContent = 3, maxBytes = 4 * 2 ** 20): CrashDump[] {
  if (!dir) return [];
  const found: Array<{ path: string; file: string; bytes: number; mtime: number }> = [];
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory() && depth < 3) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.dmp')) {
        const st = statSync(p);
        found.push({ path: p, file: p.slice(dir.length + 1).replaceAll('\\', '/'), bytes: st.size, mtime: st.mtimeMs });
      }
    }
  };
  walk(dir, 0);
  return found
    .sort((a, b) => b.mtime - a.mtime)
    .map((f, i) => ({
      file: f.file,
      bytes: f.bytes,
      at: new Date(f.mtime).toISOString(),
      ...(i < withContent && f.bytes <= maxBytes ? { base64: readFileSync(f.path).toString('base64') } : {}),
    }));
}
