import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
}

describe('layering lint (folder = runtime)', () => {
  it.each([
    ['src-main/domain/x.ts', "import { readFileSync } from 'node:fs';", /may not import Node/],
    ['src-main/contract/x.ts', "import Database from 'better-sqlite3';", /may not import Node or native/],
    ['src-main/contract/x.ts', "import { openStore } from '../store/atomic-file.ts';", /contract\/ may import only contract/],
    ['src-main/domain/x.ts', "import { createRoot } from 'react-dom/client';", /DOM\/React/],
    ['src-main/features/queue/x.ts', "import { app } from 'electron';", /only src-main\/electron/],
    ['src-renderer/app/x.ts', "import { createCore } from '../../src-main/core.ts';", /renderer may import only contract/],
    ['src-renderer/app/x.ts', "import { ipcRenderer } from 'electron';", /only src-main\/electron/],
    ['src-main/devices/x.ts', "import { writeFileAtomic } from '../store/atomic-file.ts';", /driver never imports the store/],
    ['src-main/features/queue/x.ts', "import { startWebHost } from '../../web/server.ts';", /service never imports a shell/],
  ])('rejects %s: %s', async (file, code, why) => {
    const errors = await layeringErrors(file, code);
    expect(errors.join('\n')).toMatch(why);
  });

  it.each([
    ['src-main/domain/x.ts', "import { z } from 'zod';"],
    ['src-renderer/app/x.ts', "import { methods } from '../../src-main/contract/methods.ts';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-main/store/x.ts', "import { join } from 'node:path';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
