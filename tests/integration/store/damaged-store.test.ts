import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, utimesSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { CounterError } from '../../../src-main/contract/errors.ts';
import { runCli } from '../../../src-main/cli/run.ts';
import { startupFailure } from '../../../src-main/platform/startup-failure.ts';
import { DB_FILE, openStore } from '../../../src-main/store/store.ts';
import { AGENCY, codedError, draft, tempDir } from '../../unit/store/helpers.ts';

/** A counter folder that has held a store: dossiers with real encrypted pages, closed cleanly. */
function usedFolder(): { dir: string; db: string; cleanup: () => void } {
  const t = tempDir('damaged-');
  const store = openStore({ dataDir: t.dir, agency: () => AGENCY });
  for (let i = 0; i < 3; i++) {
    const page = store.blobs.put(Buffer.from(`trang quét ${i}`.repeat(500)));
    store.dossiers.accept(draft({ components: [{ code: 'TK', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, pages: [{ pageNo: 1, sha256: page.sha256, size: page.size, mime: 'image/png' }] }] }));
  }
  store.close();
  return { dir: t.dir, db: join(t.dir, DB_FILE), cleanup: t.cleanup };
}

function refusal(dir: string): CounterError {
  return codedError(() => openStore({ dataDir: dir, agency: () => AGENCY }).close());
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function folder() {
  const f = usedFolder();
  cleanups.push(f.cleanup);
  return f;
}

describe('a damaged store is refused loudly and never replaced by a new one', () => {
  it('a first run (empty folder) creates the store, its key and the installation identity', () => {
    const t = tempDir('first-run-');
    cleanups.push(t.cleanup);
    const store = openStore({ dataDir: t.dir, agency: () => AGENCY });
    store.close();
    expect(readdirSync(t.dir).sort()).toEqual(expect.arrayContaining(['blob.key', 'counter.sqlite', 'installation.json']));
  });

  it('an emptied (0-byte) counter.sqlite stops with STORE_EMPTY and stays untouched', () => {
    const f = folder();
    truncateSync(f.db, 0);
    const err = refusal(f.dir);
    expect(err.code).toBe('STORE_EMPTY');
    expect(err.messages.vi).toMatch(/khôi phục bản sao lưu gần nhất/);
    expect(err.details).toMatchObject({ evidence: expect.arrayContaining(['installation.json', 'blob.key', 'blobs/']) });
    // No new store was written over the old data: a later restore still finds the same file state.
    expect(statSync(f.db).size).toBe(0);
    expect(refusal(f.dir).code).toBe('STORE_EMPTY');
  });

  it('a first start cut short (an empty database and a log with nothing committed, no key yet) starts as a new store', () => {
    const t = tempDir('first-cut-');
    cleanups.push(t.cleanup);
    const db = join(t.dir, DB_FILE);
    writeFileSync(db, '');
    // Bytes SQLite cannot take for a valid log header: it discards the log, as it does one whose
    // frames were never committed.
    writeFileSync(`${db}-wal`, Buffer.alloc(4096, 0x5a));
    const store = openStore({ dataDir: t.dir, agency: () => AGENCY });
    expect(store.dossiers.accept(draft()).provisionalCode).toMatch(/\d/);
    store.close();
    expect(readdirSync(t.dir)).toEqual(expect.arrayContaining(['blob.key', 'installation.json']));
  });

  it('the same empty database and log beside a key or an identity file is still STORE_EMPTY', () => {
    const f = folder();
    truncateSync(f.db, 0);
    writeFileSync(`${f.db}-wal`, Buffer.alloc(4096, 0x5a));
    expect(refusal(f.dir)).toMatchObject({ code: 'STORE_EMPTY', details: { evidence: expect.arrayContaining(['counter.sqlite-wal', 'blob.key']) } });
  });

  it('a deleted counter.sqlite stops with STORE_MISSING and none is created', () => {
    const f = folder();
    rmSync(f.db);
    expect(refusal(f.dir).code).toBe('STORE_MISSING');
    expect(existsSync(f.db)).toBe(false);
  });

  it('a truncated database stops with STORE_TRUNCATED (cut at a page boundary and mid-page)', () => {
    const f = folder();
    const size = statSync(f.db).size;
    expect(size).toBeGreaterThan(4096 * 4);
    const original = readFileSync(f.db);
    truncateSync(f.db, 4096 * 3);
    expect(refusal(f.dir)).toMatchObject({ code: 'STORE_TRUNCATED', details: { size: 4096 * 3, expected: size } });
    writeFileSync(f.db, original.subarray(0, size - 1000));
    expect(refusal(f.dir).code).toBe('STORE_TRUNCATED');
  });

  it('a zeroed header or a foreign file stops with STORE_NOT_A_DATABASE', () => {
    const f = folder();
    const fd = openSync(f.db, 'r+');
    writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    closeSync(fd);
    expect(refusal(f.dir).code).toBe('STORE_NOT_A_DATABASE');
    writeFileSync(f.db, '%PDF-1.7\n% not a database at all\n');
    expect(refusal(f.dir).code).toBe('STORE_NOT_A_DATABASE');
  });

  it('a database whose schema page is garbage stops with STORE_DAMAGED, not a raw SQLITE_CORRUPT', () => {
    const f = folder();
    const fd = openSync(f.db, 'r+');
    writeSync(fd, Buffer.alloc(3000, 0xa5), 0, 3000, 100);
    closeSync(fd);
    const err = refusal(f.dir);
    expect(['STORE_DAMAGED', 'STORE_NOT_A_DATABASE']).toContain(err.code);
    expect(err.messages.vi).toMatch(/khôi phục bản sao lưu/);
  });

  it('a deleted blob.key stops with BLOB_KEY_MISSING and no new key is made', () => {
    const f = folder();
    rmSync(join(f.dir, 'blob.key'));
    const err = refusal(f.dir);
    expect(err.code).toBe('BLOB_KEY_MISSING');
    expect(err.messages.vi).toMatch(/không tạo khóa mới/);
    expect(existsSync(join(f.dir, 'blob.key'))).toBe(false);
  });

  it('a store that existed before any page was stored still refuses a lost key (recorded at creation)', () => {
    const t = tempDir('no-pages-');
    cleanups.push(t.cleanup);
    openStore({ dataDir: t.dir, agency: () => AGENCY }).close();
    rmSync(join(t.dir, 'blob.key'));
    expect(refusal(t.dir).code).toBe('BLOB_KEY_MISSING');
  });

  it('the host prints the code, the Vietnamese advice and the English text, and no stack', () => {
    const f = folder();
    truncateSync(f.db, 0);
    const failure = startupFailure(refusal(f.dir));
    expect(failure.exitCode).toBe(2);
    expect(failure.text).toMatch(/^Ứng dụng dừng lại — mã lỗi STORE_EMPTY\n.*khôi phục bản sao lưu/);
    expect(failure.text).toMatch(/The app stopped — error STORE_EMPTY/);
    expect(failure.text).not.toMatch(/\n\s+at /);
  });

  it('the real CLI process exits 2 with the coded Vietnamese refusal on an emptied store', async () => {
    const f = folder();
    truncateSync(f.db, 0);
    const run = promisify(execFile);
    const r = await run(process.execPath, [resolve('src-main/launch/counter.mjs'), 'store', 'status', '--data-dir', f.dir], { timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/STORE_EMPTY/);
    expect(r.stderr).toMatch(/khôi phục bản sao lưu gần nhất/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(statSync(f.db).size).toBe(0);
  }, 90_000);
});

describe('counter store check --blobs', () => {
  it('reports a page file that was deleted from the blob folder', async () => {
    const f = folder();
    const store = openStore({ dataDir: f.dir, agency: () => AGENCY });
    const shas = store.db.prepare('SELECT sha256 FROM dossier_pages ORDER BY sha256').pluck().all() as string[];
    const gone = shas[1]!;
    rmSync(store.blobs.pathOf(gone));
    store.close();
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
    try {
      await runCli(['store', 'check', '--blobs', '--json', '--data-dir', f.dir]);
    } finally {
      log.mockRestore();
    }
    const report = JSON.parse(out.join('\n')) as { ok: boolean; blobsChecked: number; blobsMissing: string[]; blobsCorrupt: string[] };
    expect(report).toMatchObject({ ok: false, blobsChecked: shas.length - 1, blobsMissing: [gone], blobsCorrupt: [] });
  }, 60_000);
});

describe('temp files left by a crash or a full disk', () => {
  it('are removed at the next open once stale; a fresh one (another process writing) is kept', () => {
    const f = folder();
    const sub = join(f.dir, 'blobs', 'ab');
    mkdirSync(sub, { recursive: true });
    const old = [join(f.dir, '.settings.json.0a1b2c.tmp'), join(sub, `.${'ab'.repeat(32)}.00ff00ff00ff.tmp`), join(f.dir, 'restore-pending.sqlite.tmp')];
    const fresh = join(sub, `.${'ab'.repeat(32)}.123456abcdef.tmp`);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const p of old) {
      writeFileSync(p, 'partial');
      utimesSync(p, twoHoursAgo, twoHoursAgo);
    }
    writeFileSync(fresh, 'being written');
    openStore({ dataDir: f.dir, agency: () => AGENCY }).close();
    expect(old.filter((p) => existsSync(p))).toEqual([]);
    expect(existsSync(fresh)).toBe(true);
  });
});
