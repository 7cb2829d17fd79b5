import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import type { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { AGENCY } from './fixtures.ts';

/** One counter (real store with the outbox and the source's hooks) and the reference server, in a temp folder. */
export interface QueueRig {
  dir: string;
  server: ReferenceServer;
  store: Store;
  outbox: Outbox;
  source: StoreSource;
  close(): Promise<void>;
}

export async function openQueueRig(prefix: string): Promise<QueueRig> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startReferenceServer({ dataDir: join(dir, 'server') });
  const store = openStore({ dataDir: join(dir, 'client'), migrations: syncMigrations, agency: () => ({ code: AGENCY, counterId: '01' }) });
  const source = new StoreSource(store);
  source.attach();
  return {
    dir,
    server,
    store,
    outbox: new Outbox(store.db),
    source,
    async close() {
      store.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Drains until nothing is due any more (a failed attempt waits a few ms of backoff); resolves with the attempts made. */
export async function drainUntilIdle(u: Uploader, outbox: Outbox, rounds = 50): Promise<number> {
  let attempts = 0;
  for (let round = 0; round < rounds; round++) {
    attempts += await u.drain();
    const c = outbox.counts();
    const s = outbox.statuses.counts();
    if (c.pending + c.sending + c['failed-retrying'] + c.sent + s.pending + s.sending + s['failed-retrying'] === 0) return attempts;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not drained: ${JSON.stringify([outbox.counts(), outbox.statuses.counts()])}`);
}
