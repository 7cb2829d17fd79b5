import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupStore } from '../../../src-main/store/backup/backup.ts';
import { stageRestore } from '../../../src-main/store/backup/restore.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { draft, tempDir } from '../../unit/store/helpers.ts';

const AGENCY = '000.00.31.H42';
const DAYS = ['2026-03-02T02:00:00.000Z', '2026-03-03T02:00:00.000Z'];

/** What IT (or the officer) can do to one PC between two accepts. */
type Action =
  | { kind: 'accept'; pc: number; day: number }
  | { kind: 'reinstall'; pc: number }
  | { kind: 'backup'; pc: number }
  | { kind: 'restore'; pc: number }
  | { kind: 'wipe'; pc: number }
  | { kind: 'clone'; pc: number }
  | { kind: 'counter'; pc: number; counterId: string };

interface Pc {
  dir: string;
  host: string;
  counterId: string;
  store: Store;
  backups: string[];
}

const counterIds = fc.constantFrom('01', '01', '01', '02');
const action = (pcs: number): fc.Arbitrary<Action> => {
  const pc = fc.nat({ max: 2 * pcs - 1 });
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('accept' as const), pc, day: fc.nat({ max: 1 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reinstall' as const), pc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('backup' as const), pc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('wipe' as const), pc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('clone' as const), pc }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('counter' as const), pc, counterId: counterIds }) },
  );
};
const scenario = fc
  .integer({ min: 2, max: 4 })
  .chain((n) => fc.record({ counters: fc.array(counterIds, { minLength: n, maxLength: n }), actions: fc.array(action(n), { minLength: 4, maxLength: 24 }) }));

describe('provisional codes cannot collide whatever IT does (property, real stores)', () => {
  it('N PCs × M dossiers, with default counter IDs, reinstalls, restores, wipes and cloned folders: all codes distinct', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ counters, actions }) => {
        runs++;
        const t = tempDir('pcs-');
        const pcs: Pc[] = [];
        const open = (pc: Omit<Pc, 'store'>): Pc => ({ ...pc, store: openStore({ dataDir: pc.dir, hostName: pc.host, agency: () => ({ code: AGENCY, counterId: pc.counterId }), checkIntegrity: false }) });
        const codes: string[] = [];
        try {
          counters.forEach((counterId, i) => pcs.push(open({ dir: join(t.dir, `pc-${i}`), host: `MAY-${i}`, counterId, backups: [] })));
          for (const a of actions) {
            // Clones join the list, so an action can land on a cloned PC too.
            const at = a.pc % pcs.length;
            const pc = pcs[at]!;
            const reopen = () => {
              pc.store.close();
              pcs[at] = open(pc);
            };
            if (a.kind === 'accept') {
              codes.push(pc.store.dossiers.accept({ ...draft(), receivedAt: DAYS[a.day] }).provisionalCode!);
            } else if (a.kind === 'reinstall') {
              reopen();
            } else if (a.kind === 'backup') {
              const file = join(t.dir, `backup-${at}-${pc.backups.length}-${codes.length}.sqlite`);
              await backupStore(pc.store, file);
              pc.backups.push(file);
            } else if (a.kind === 'restore' && pc.backups.length > 0) {
              stageRestore(pc.dir, pc.backups.at(-1)!, pc.store.blobs, pc.store.knownMigrations);
              reopen();
            } else if (a.kind === 'wipe') {
              pc.store.close();
              rmSync(pc.dir, { recursive: true, force: true });
              pcs[at] = open({ ...pc, backups: [] });
            } else if (a.kind === 'clone') {
              // A disk image of this PC's folder rolled out to a new PC of the same agency.
              pc.store.close();
              const copy = join(t.dir, `pc-${pcs.length}`);
              cpSync(pc.dir, copy, { recursive: true });
              pcs[at] = open(pc);
              pcs.push(open({ dir: copy, host: `MAY-${pcs.length}`, counterId: pc.counterId, backups: [] }));
            } else if (a.kind === 'counter') {
              pc.counterId = a.counterId;
            }
          }
          expect(new Set(codes).size).toBe(codes.length);
        } finally {
          for (const pc of pcs) pc.store.close();
          t.cleanup();
        }
      }),
      { numRuns: 20 },
    );
    expect(runs).toBeGreaterThanOrEqual(20);
  }, 240_000);
});
