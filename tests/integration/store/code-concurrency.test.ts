import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startWorker, stopAllWorkers } from './run-worker.ts';
import { tempDir } from '../../unit/store/helpers.ts';
import { parseOfficialCode, parseProvisionalCode } from '../../../src-main/domain/codes/dossier-code.ts';

const seqs = (codes: string[], parse: (c: string) => { sequence: number } | undefined) => codes.map((c) => parse(c)!.sequence).sort((a, b) => a - b);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);


afterEach(() => stopAllWorkers());
describe('dossier codes under concurrency (real processes, real SQLite)', () => {
  it('two processes of one counter share one sequence: no repeats, no gaps, and restarts continue it', async () => {
    const t = tempDir('codes-');
    const [a, b] = [startWorker(t.dir, '01', 30), startWorker(t.dir, '01', 30)];
    const clean = { code: 0, stderr: '' };
    expect(await Promise.all([a.report, b.report])).toEqual([clean, clean]);
    const codes = [...a.acks, ...b.acks].map((x) => x.code);
    expect(new Set(codes).size).toBe(60);
    // One data folder is one installation, however many processes opened it first.
    expect(new Set(codes.map((c) => parseProvisionalCode(c)!.installationTag)).size).toBe(1);
    expect(seqs(codes, parseProvisionalCode)).toEqual(range(1, 60));
    const again = startWorker(t.dir, '01', 5);
    expect(await again.report).toEqual(clean);
    expect(seqs(again.acks.map((x) => x.code), parseProvisionalCode)).toEqual(range(61, 5));
    t.cleanup();
  }, 60_000);

  it('two counters of one agency, each offline with its own database, never produce the same code', async () => {
    const t = tempDir('codes-');
    const one = startWorker(join(t.dir, 'counter-01'), '01', 20);
    const two = startWorker(join(t.dir, 'counter-02'), '02', 20);
    expect(await Promise.all([one.report, two.report])).toEqual([0, 0].map(() => ({ code: 0, stderr: '' })));
    const all = [...one.acks, ...two.acks].map((x) => x.code);
    expect(new Set(all).size).toBe(40);
    expect(one.acks.every((x) => parseProvisionalCode(x.code)?.counterId === '01')).toBe(true);
    expect(two.acks.every((x) => parseProvisionalCode(x.code)?.counterId === '02')).toBe(true);
    t.cleanup();
  }, 60_000);

  it('two PCs left at the default counter ID 01, each with its own database, never produce the same code', async () => {
    const t = tempDir('codes-');
    const pcs = [startWorker(join(t.dir, 'may-1'), '01', 3), startWorker(join(t.dir, 'may-2'), '01', 3)];
    expect(await Promise.all(pcs.map((w) => w.report))).toEqual(pcs.map(() => ({ code: 0, stderr: '' })));
    const codes = pcs.flatMap((w) => w.acks.map((x) => x.code));
    expect(new Set(codes).size).toBe(6);
    const tags = pcs.map((w) => new Set(w.acks.map((x) => parseProvisionalCode(x.code)!.installationTag)));
    expect(tags.map((s) => s.size)).toEqual([1, 1]);
    expect([...tags[0]!][0]).not.toBe([...tags[1]!][0]);
    t.cleanup();
  }, 60_000);

  it('delegated numbering: one granted block, one daily official sequence shared by concurrent processes on one database', async () => {
    const t = tempDir('codes-');
    const [a, b] = [startWorker(t.dir, '01', 20, 'delegated'), startWorker(t.dir, '02', 20, 'delegated')];
    expect(await Promise.all([a.report, b.report])).toEqual([a, b].map(() => ({ code: 0, stderr: '' })));
    const codes = [...a.acks, ...b.acks].map((x) => x.code);
    expect(seqs(codes, parseOfficialCode)).toEqual(range(1, 40));
    const again = startWorker(t.dir, '01', 3, 'delegated');
    expect(await again.report).toEqual({ code: 0, stderr: '' });
    expect(seqs(again.acks.map((x) => x.code), parseOfficialCode)).toEqual(range(41, 3));
    t.cleanup();
  }, 60_000);
});
