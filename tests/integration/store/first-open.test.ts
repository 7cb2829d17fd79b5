import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnChild, type ManagedChild } from '../../support/children.ts';
import { tempDir } from '../../unit/store/helpers.ts';
import { INSTALLATION_FILE } from '../../../src-main/store/installation.ts';

const started = new Set<ManagedChild>();
afterEach(async () => {
  await Promise.all([...started].map((c) => c.stop({ graceMs: 3000 })));
  started.clear();
});

interface Opened {
  code: number | null;
  tag?: string;
  applied?: number;
  stderr: string;
}

/** One process that opens the store once, as the app or the CLI does at start. */
function openInChild(dataDir: string): Promise<Opened> {
  const child = spawnChild(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'open-worker.ts'), dataDir]);
  started.add(child);
  let out = '';
  child.process.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  return child.exited.then(({ code }) => {
    const m = /^TAG (\S+) (\d+)$/m.exec(out);
    return { code, tag: m?.[1], applied: m ? Number(m[2]) : undefined, stderr: code === 0 ? '' : child.stderrTail() };
  });
}

describe('first open of a new data folder by several processes at once (real processes, real SQLite)', () => {
  it('every process opens it, the schema is created once and there is one installation identity', async () => {
    for (let round = 0; round < 2; round++) {
      const t = tempDir('first-open-');
      const opened = await Promise.all(Array.from({ length: 4 }, () => openInChild(t.dir)));
      // The stderr of a failed process is part of the comparison, so a failure names its cause.
      expect(opened.map((o) => ({ code: o.code, stderr: o.stderr }))).toEqual(opened.map(() => ({ code: 0, stderr: '' })));
      const tags = new Set(opened.map((o) => o.tag));
      expect(tags.size).toBe(1);
      const onFile = JSON.parse(readFileSync(join(t.dir, INSTALLATION_FILE), 'utf8')) as { tag: string };
      expect([...tags][0]).toBe(onFile.tag);
      // Exactly one process created the schema; the others found it finished.
      expect(opened.filter((o) => (o.applied ?? 0) > 0)).toHaveLength(1);
      t.cleanup();
    }
  }, 120_000);
});
