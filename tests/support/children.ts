import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveChildren, onChildEvent, type ManagedChild } from '../../src-main/platform/children.ts';

export { runSync, spawnChild, type ChildExit, type ManagedChild, type RunSyncOptions } from '../../src-main/platform/children.ts';

/**
 * The tests' side of the child registry: every managed child of this test file is written to the
 * run's registry folder (set by children-global.ts), so that a child whose test worker died without
 * cleaning up is still killed when the run ends; children-setup.ts stops what a file left running.
 */

export const REGISTRY_ENV = 'OSC_CHILD_REGISTRY';

/** Start time of a process in clock ticks since boot (Linux), to tell a pid from a reused one. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** True while `pid` is a process that has not been reaped (a zombie counts as gone). */
export function processAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    if (process.platform === 'linux') return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

let recording = false;

/** Records managed children in the run's registry folder (idempotent; a no-op outside a vitest run). */
export function recordChildrenForRun(): void {
  const dir = process.env[REGISTRY_ENV];
  if (recording || !dir) return;
  recording = true;
  onChildEvent((c, event) => {
    const file = join(dir, String(c.pid));
    try {
      if (event === 'spawn') writeFileSync(file, `${processStartTime(c.pid) ?? ''}\n${c.command}\n`);
      else rmSync(file, { force: true });
    } catch {
      // The registry is a safety net; a child must still run when it cannot be written.
    }
  });
}

/** Stops every managed child of this process (SIGTERM, SIGKILL after `graceMs`); returns their commands. */
export async function stopAllChildren(graceMs = 3000): Promise<string[]> {
  const left: ManagedChild[] = liveChildren();
  await Promise.all(left.map((c) => c.stop({ graceMs })));
  return left.map((c) => `${c.pid} ${c.command}`);
}
