import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processAlive, runSync, spawnChild } from '../../support/children.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Runs one fixture file in a nested vitest with the project's configuration; returns its output. */
function runFixture(fixture: string): { out: string; pids: number[]; status: number | null } {
  const outFile = join(mkdtempSync(join(tmpdir(), 'osc-children-test-')), 'pids');
  const r = runSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'tests/support/fixtures/vitest.config.ts', `tests/support/fixtures/${fixture}`], {
    cwd: ROOT,
    env: { ...process.env, OSC_FIXTURE_OUT: outFile, CI: 'true' },
    timeout: 60_000,
    allowFailure: true,
  });
  return { out: r.stdout + r.stderr, pids: readFileSync(outFile, 'utf8').trim().split(' ').map(Number), status: r.status };
}

describe('child processes cannot outlive their test file', () => {
  it('a forgotten child and its grandchild are stopped after the file, and the file fails', { timeout: 90_000 }, () => {
    const { out, pids, status } = runFixture('forgets-child.fixture.ts');
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(processAlive(pid), `pid ${pid}`).toBe(false);
    expect(out).toContain('left running by this test file');
    expect(status).not.toBe(0);
  });

  it('a child whose test worker was killed is stopped at the end of the run', { timeout: 90_000 }, () => {
    const { out, pids } = runFixture('worker-dies.fixture.ts');
    expect(pids).toHaveLength(1);
    expect(processAlive(pids[0]!)).toBe(false);
    expect(out).toContain('outlived their test worker');
  });
});

describe('spawnChild', () => {
  it('escalates to SIGKILL when the child ignores SIGTERM, and waits for the exit', async () => {
    const c = spawnChild('sh', ['-c', "trap '' TERM; echo armed; while :; do sleep 0.05; done"], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((r) => c.process.stdout!.once('data', r));
    const started = Date.now();
    const exit = await c.stop({ graceMs: 300 });
    expect(exit.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(processAlive(c.pid)).toBe(false);
  });

  it('refuses stdio inherit', () => {
    expect(() => spawnChild('true', [], { stdio: ['ignore', 'inherit' as 'pipe', 'pipe'] })).toThrow(/inherit/);
  });

  it('reports a program that does not exist', () => {
    expect(() => spawnChild('osc-no-such-program', [])).toThrow(/cannot start/);
  });
});

describe('runSync', () => {
  it('kills a program that does not answer within its timeout', () => {
    const started = Date.now();
    expect(() => runSync('sleep', ['30'], { timeout: 300 })).toThrow(/no answer after 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('throws with stderr on a non-zero exit unless allowed', () => {
    expect(() => runSync('sh', ['-c', 'echo broken >&2; exit 3'], { timeout: 5000 })).toThrow(/exit 3\nbroken/);
    expect(runSync('sh', ['-c', 'exit 3'], { timeout: 5000, allowFailure: true }).status).toBe(3);
  });
});
