import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processStartTime, REGISTRY_ENV } from './children.ts';

/**
 * vitest globalSetup: one registry folder per run, inherited by the workers through the environment.
 * A test worker that crashed, or was killed on a timeout, cannot stop its children; the run's
 * teardown does, by process group, after checking the pid was not reused.
 */
export function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'osc-children-'));
  process.env[REGISTRY_ENV] = dir;
  return () => {
    const killed: string[] = [];
    for (const name of readdirSync(dir)) {
      const pid = Number(name);
      const [started, command] = readFileSync(join(dir, name), 'utf8').split('\n');
      if (started && processStartTime(pid) === started) {
        for (const target of [-pid, pid]) {
          try {
            process.kill(target, 'SIGKILL');
          } catch {
            // Not a group leader, or gone: the other target covers it.
          }
        }
        killed.push(`${pid} ${command}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
    if (killed.length) console.error(`\nchild process(es) outlived their test worker and were killed at the end of the run:\n${killed.join('\n')}`);
  };
}
