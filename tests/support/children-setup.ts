import { afterAll } from 'vitest';
import { recordChildrenForRun, stopAllChildren } from './children.ts';

// Runs in every test file (vitest setupFiles). Registered first, so this afterAll runs after the
// file's own hooks: whatever is still running then was forgotten, is stopped, and fails the file.
recordChildrenForRun();

afterAll(async () => {
  const left = await stopAllChildren();
  if (left.length) throw new Error(`child process(es) left running by this test file (now stopped):\n${left.join('\n')}`);
});
