import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layering').map((m) => m.message);
}

describe('layering lint (folder = runtime and layer, closed world)', () => {
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
    ['src-main/helpers/x.ts', 'export const a = 1;', /no layer covers src-main\/helpers\/x\.ts/],
    ['src-main/x.ts', 'export const a = 1;', /no layer covers src-main\/x\.ts/],
    ['src-main/features/x.ts', 'export const a = 1;', /no layer covers/],
    ['src-main/features/scan/x.ts', "import { SyncService } from '../queue/queue-service.ts';", /feature scan never imports feature queue/],
    ['src-main/features/scan/x.ts', "import type { SyncService } from '../queue/queue-service.ts';", /feature scan never imports feature queue/],
    ['src-main/features/scan/x.ts', "import { createCore } from '../../core.ts';", /never imports the composition root/],
    ['src-main/store/x.ts', "import { createScanArea } from '../features/scan/scan-area.ts';", /store is kernel: it never imports a feature/],
    ['src-main/kernel/x.ts', "import { features } from '../feature-list.ts';", /kernel is kernel: it never imports a feature/],
    ['src-main/devices/x.ts', "import type { CardService } from '../features/card/card-service.ts';", /devices is kernel/],
    ['src-main/domain/x.ts', "import { toPortalDate } from '../features/queue/adapters/onestop-rest/wire.ts';", /domain\/ may import only domain\/ and contract\//],
    ['src-main/reference-server/x.ts', "import { Outbox } from '../features/queue/outbox.ts';", /reference server is its own program/],
    ['src-main/store/store-errors.ts', "import type { Store } from './store.ts';", /import cycle \(type-only imports count\): src-main\/store\/store-errors\.ts → src-main\/store\/store\.ts → .*src-main\/store\/store-errors\.ts$/],
    ['src-renderer/features/reception/x.tsx', "import { CardReadPanel } from '../card/CardReadPanel.tsx';", /renderer feature reception never imports renderer feature card/],
  ])('rejects %s: %s', async (file, code, why) => {
    const errors = await layeringErrors(file, code);
    expect(errors.join('\n')).toMatch(why);
  });

  it.each([
    ['src-main/domain/x.ts', "import { z } from 'zod';"],
    ['src-renderer/app/x.ts', "import { methods } from '../../src-main/contract/methods.ts';"],
    ['src-main/electron/x.ts', "import { app } from 'electron';"],
    ['src-main/store/x.ts', "import { join } from 'node:path';"],
    ['src-main/features/scan/x.ts', "import type { Feature } from '../../kernel/feature.ts';"],
    ['src-main/features/scan/x.ts', "import { createScanArea } from './scan-area.ts';"],
    ['src-main/feature-list.ts', "import { scanFeature } from './features/scan/scan-feature.ts';"],
    ['src-main/reference-server/x.ts', "import { DOSSIER_STATUSES } from '../domain/dossier/status.ts';"],
    ['src-renderer/features/reception/x.tsx', "import { useSlots } from '../../app/slots.tsx';"],
    ['src-renderer/app/x.tsx', "import { CardReadPanel } from '../features/card/CardReadPanel.tsx';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await layeringErrors(file, code)).toEqual([]);
  });
});
