import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startWorker, stopAllWorkers, type Ack } from './run-worker.ts';
import { canonicalHash, testOutboxMigration } from './worker-shared.ts';
import { tempDir } from '../../unit/store/helpers.ts';
import { openStore, DB_FILE } from '../../../src-main/store/store.ts';
import { parseProvisionalCode } from '../../../src-main/domain/codes/dossier-code.ts';

const ROUNDS = Number(process.env.STORE_CRASH_ROUNDS ?? 12);

/** Deterministic pseudo-random kill delays (seeded), so a failure can be replayed. */
function delays(seed: number, n: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 30 + (x % 1200);
  });
}


afterEach(() => stopAllWorkers());
describe('crash safety', () => {
  it(`SIGKILL at random moments while accepting (${ROUNDS} rounds): every acknowledged dossier survives intact`, async () => {
    const t = tempDir('crash-');
    const acked: Ack[] = [];
    for (const delay of delays(20260302, ROUNDS)) {
      const w = startWorker(t.dir, '01', 'forever');
      try {
        await w.ready;
        await new Promise((r) => setTimeout(r, delay));
      } finally {
        w.child.kill('SIGKILL'); // also when waiting failed: the worker loops forever
        await w.exited;
      }
      acked.push(...w.acks);
    }
    expect(acked.length).toBeGreaterThan(ROUNDS);

    // Integrity first, on the raw file, before anything could repair it quietly.
    const raw = new Database(join(t.dir, DB_FILE));
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    raw.close();

    const store = openStore({ dataDir: t.dir, migrations: [testOutboxMigration] });
    for (const a of acked) {
      const d = store.dossiers.get(a.id);
      expect(canonicalHash(d), a.code).toBe(a.hash);
      for (const c of d.components) for (const p of c.pages) expect(store.blobs.verify(p.sha256)).toBe(true);
    }
    // Nothing half-written: each dossier has its hook row, and the numbers run 1..N without a gap.
    const total = store.dossiers.list({ limit: 1, offset: 0 }).total;
    expect(total).toBeGreaterThanOrEqual(acked.length);
    expect(total - acked.length).toBeLessThanOrEqual(ROUNDS); // at most one committed-but-unacknowledged per kill
    expect(store.db.prepare('SELECT count(*) AS n FROM test_outbox').get()).toEqual({ n: total });
    const codes = (store.db.prepare('SELECT provisional_code AS c FROM dossiers').all() as Array<{ c: string }>).map((r) => parseProvisionalCode(r.c)!.sequence);
    expect(codes.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(store.integrityCheck().ok).toBe(true);
    store.close();
    t.cleanup();
  }, 90_000);
});
