import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusEntry } from '../../../src-main/domain/dossier/dossier.ts';
import type { RemoteState } from '../../../src-main/features/queue/adapter.ts';
import { toPortalDate } from '../../../src-main/domain/dossier/portal-date.ts';
import { mergeHistory } from '../../../src-main/features/queue/history-merge.ts';

type Progress = RemoteState['progress'][number];

/**
 * mergeHistory against a model of both sides: the counter makes moves and delivers them in order, the
 * province makes its own moves, and pulls bring back snapshots of the province's history — fresh or
 * stale (taken before later deliveries). Whatever the interleaving: a pull never undoes a local move
 * that is not applied yet, never duplicates an event, and once everything is delivered and pulled the
 * local history after acceptance equals the province's.
 */
const op = fc.oneof(
  fc.record({ kind: fc.constant('local' as const), status: fc.constantFrom(4, 5, 6, 9) }),
  fc.record({ kind: fc.constant('deliver' as const) }),
  fc.record({ kind: fc.constant('province' as const), status: fc.constantFrom(4, 5, 6) }),
  fc.record({ kind: fc.constant('pull' as const), stale: fc.nat({ max: 3 }) }),
);

const key = (status: number, at: string) => `${status}@${toPortalDate(new Date(at))}`;

describe('mergeHistory', () => {
  it('never undoes an undelivered local move, never duplicates, converges to the province history', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let clock = Date.UTC(2026, 0, 5, 1, 0, 0);
        const at = () => new Date((clock += 1000)).toISOString();
        let local: StatusEntry[] = [
          { status: 1, at: at() },
          { status: 2, at: at() },
        ];
        const province: Progress[] = [{ status: 2, at: toPortalDate(new Date(clock + 500)), note: 'Tiếp nhận hồ sơ' }];
        const snapshots: Progress[][] = [[...province]];
        const undelivered: StatusEntry[] = [];
        const pull = (snap: Progress[]) => {
          const merged = mergeHistory(local, snap);
          if (merged) local = merged;
          // An undelivered local move stays the current status.
          if (undelivered.length) expect(local[local.length - 1]).toBe(undelivered[undelivered.length - 1]);
          const keys = local.slice(2).map((h) => key(h.status, h.at));
          expect(new Set(keys).size).toBe(keys.length);
        };
        for (const o of ops) {
          if (o.kind === 'local') {
            const e: StatusEntry = { status: o.status, at: at(), by: 'can-bo-01' };
            local = [...local, e];
            undelivered.push(e);
          } else if (o.kind === 'deliver') {
            const e = undelivered.shift();
            if (e) province.push({ status: e.status, at: toPortalDate(new Date(e.at)), note: '', by: e.by });
          } else if (o.kind === 'province') {
            province.push({ status: o.status, at: toPortalDate(new Date((clock += 1000))), note: 'Chuyên viên xử lý', by: 'Chuyên viên xử lý' });
          } else {
            pull(snapshots[Math.max(0, snapshots.length - 1 - o.stale)] as Progress[]);
          }
          snapshots.push([...province]);
        }
        while (undelivered.length) {
          const e = undelivered.shift()!;
          province.push({ status: e.status, at: toPortalDate(new Date(e.at)), note: '', by: e.by });
        }
        pull(province);
        expect(local.slice(2).map((h) => key(h.status, h.at))).toEqual(province.slice(1).map((p) => `${p.status}@${p.at}`));
        expect(local.slice(0, 2).map((h) => h.status)).toEqual([1, 2]);
      }),
      { numRuns: 400 },
    );
  });

  it('returns undefined when the province adds nothing new', () => {
    const local: StatusEntry[] = [
      { status: 1, at: '2026-01-05T01:00:00.000Z' },
      { status: 2, at: '2026-01-05T01:00:01.000Z' },
      { status: 4, at: '2026-01-05T01:00:02.000Z' },
    ];
    const remote: Progress[] = [
      { status: 2, at: '20260105080001', note: 'Tiếp nhận hồ sơ' },
      { status: 4, at: '20260105080002', note: '' },
    ];
    expect(mergeHistory(local, remote)).toBeUndefined();
  });
});
