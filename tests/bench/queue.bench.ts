import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OneStopRestAdapter } from '../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { Outbox } from '../../src-main/features/queue/outbox.ts';
import { StoreSource } from '../../src-main/features/queue/store-source.ts';
import { Uploader } from '../../src-main/features/queue/uploader.ts';
import { featureMigrations } from '../../src-main/feature-list.ts';
import { openStore } from '../../src-main/store/store.ts';
import { memoryDossier } from '../integration/queue/fixtures.ts';
import { startReferenceServer, BASE_PATH } from '../../src-main/reference-server/server.ts';
import { startThrottleProxy } from '../sim/network/throttle-proxy.ts';
import type { BenchRow } from './row.ts';

const LINK_BITS = 10_000_000;

/** Upload goodput through a 10 Mbit/s loopback link, and the time to drain a 500-dossier backlog. */
export async function bench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'));
  const server = await startReferenceServer({ dataDir: join(dir, 'server') });
  const rows: BenchRow[] = [];
  try {
    const port = Number(new URL(server.url).port);
    const proxy = await startThrottleProxy({ host: '127.0.0.1', port }, LINK_BITS);
    const adapter = new OneStopRestAdapter({ baseUrl: `http://127.0.0.1:${proxy.port}${BASE_PATH}`, clientId: 'counter-demo', clientSecret: 'demo-secret' });
    const payload = 12 * 1024 * 1024;
    const d = memoryDossier([payload / 3, payload / 3, payload / 3]);
    const t0 = performance.now();
    await adapter.deliver(d, () => {});
    const seconds = (performance.now() - t0) / 1000;
    const goodputBits = (payload * 8) / seconds;
    await proxy.close();
    rows.push({ area: 'sync', name: 'upload goodput, 12 MB over 10 Mbit/s link', value: goodputBits / 1e6, unit: 'Mbit/s', baseline: { name: 'link capacity', value: LINK_BITS / 1e6 }, target: 'ratio ≥ 0.9', met: goodputBits / LINK_BITS >= 0.9 });

    // Backlog: 500 accepted dossiers (2 pages, ~100 KB each) in the real store, drained on loopback.
    const store = openStore({ dataDir: join(dir, 'client'), migrations: featureMigrations(), agency: () => ({ code: '000.00.31.H42', counterId: '01' }) });
    const source = new StoreSource(store);
    source.attach();
    for (let i = 0; i < 500; i++) {
      const pages = memoryDossier([60_000, 40_000]).bytes.map((b, p) => ({ pageNo: p + 1, ...store.blobs.put(b), mime: 'image/jpeg' }));
      store.dossiers.accept({
        procedureCode: '1.001193',
        procedureName: 'Thủ tục đăng ký khai sinh',
        applicant: { identity: { kind: 'manual', fullName: `Trần Thị ${i}`, warnings: [] }, trust: 'manual' },
        components: [{ code: 'TK', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, pages }],
      });
    }
    const outbox = new Outbox(store.db);
    const direct = new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret' });
    const uploader = new Uploader({ outbox, source, adapter: direct, concurrency: 4 });
    const t1 = performance.now();
    await uploader.drain();
    const drain = (performance.now() - t1) / 1000;
    const confirmed = outbox.counts().confirmed;
    store.close();
    rows.push({ area: 'sync', name: `drain backlog of 500 dossiers (${confirmed} confirmed), loopback`, value: drain, unit: 's', target: 'all 500 confirmed', met: confirmed === 500 });
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
