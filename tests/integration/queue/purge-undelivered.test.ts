import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultReturner } from '../../../src-main/features/dossiers/return-result.ts';
import { purgeConfirmed } from '../../../src-main/store/retention.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import type { Outbox } from '../../../src-main/features/queue/outbox.ts';
import type { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import type { ReferenceServer } from '../../../src-main/reference-server/server.ts';
import type { Store } from '../../../src-main/store/store.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { admin, type ServerDossier } from './fixtures.ts';
import { drainUntilIdle, openQueueRig, type QueueRig } from './rig.ts';
import { acceptBirthRegistration, noScanner } from './store-dossier.ts';

/**
 * Purge never removes what is not delivered yet, one case per outbox: a dossier whose delivery is not
 * confirmed, a status update the province has not applied, and the result file that update carries.
 * Each is kept (reported as held) while undelivered and purged by the first run after delivery.
 * Real store (SQLite file, blob files), real uploader, reference server over HTTP.
 */
let rig: QueueRig;
let store: Store;
let outbox: Outbox;
let source: StoreSource;
let server: ReferenceServer;
const YEAR_LATER = () => new Date(Date.now() + 400 * 86_400_000);

const adapter = () => new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 32 * 1024 });
const drainAll = () => drainUntilIdle(new Uploader({ outbox, source, adapter: adapter(), concurrency: 2, backoff: { baseMs: 1, capMs: 20 }, leaseMs: 30_000 }), outbox);
const purge = () => purgeConfirmed(store, 365, { now: YEAR_LATER() });
const onServer = async (id: string) => (await admin<ServerDossier[]>(server.url, 'GET', '/__admin/dossiers')).find((s) => s.id === id);

beforeAll(async () => {
  rig = await openQueueRig('sync-purge-');
  ({ store, outbox, source, server } = rig);
});
afterAll(() => rig?.close());

describe('purge keeps whatever is not delivered yet', () => {
  it('dossier outbox: a dossier marked confirmed whose delivery is not confirmed is held, and purged once it is', async () => {
    const id = acceptBirthRegistration(store, 30_000);
    // As a restored or hand-edited store can hold it: the province date is set, the outbox row still pending.
    store.dossiers.markProvinceConfirmed(id, new Date());
    expect(outbox.get(id)?.state).toBe('pending');
    const dry = purgeConfirmed(store, 365, { now: YEAR_LATER(), dryRun: true });
    expect(dry.held.map((h) => h.id)).toContain(id);
    const first = purge();
    expect(first.held.map((h) => h.id)).toContain(id);
    expect(first.purged.map((p) => p.id)).not.toContain(id);
    expect(store.dossiers.find(id)).toBeDefined();
    const page = store.dossiers.get(id).components[0]!.pages[0]!;
    expect(store.blobs.get(page.sha256).length).toBe(page.size);

    await drainAll();
    expect(outbox.get(id)?.state).toBe('confirmed');
    expect((await onServer(id))?.committed).toBe(true);
    const second = purge();
    expect(second.purged.map((p) => p.id)).toContain(id);
    expect(store.dossiers.find(id)).toBeUndefined();
    expect(store.blobs.has(page.sha256)).toBe(false);
  });

  it('status outbox: an undelivered status update keeps its confirmed dossier (no cascade), then reaches the province', async () => {
    const id = acceptBirthRegistration(store, 30_000);
    await drainAll();
    expect(store.dossiers.get(id).provinceConfirmedAt).not.toBeNull();
    store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Chuyển xử lý');
    const first = purge();
    expect(first.held.map((h) => h.id)).toContain(id);
    expect(store.dossiers.find(id)?.status).toBe(4);
    expect(outbox.statuses.forDossier(id).map((e) => [e.toStatus, e.state])).toEqual([[4, 'pending']]);

    await drainAll();
    expect((await onServer(id))!.statusUpdates.map((u) => [u.TrangThaiHoSo, u.applied])).toEqual([['4', true]]);
    expect(purge().purged.map((p) => p.id)).toContain(id);
    expect(store.dossiers.find(id)).toBeUndefined();
  });

  it('result file: the result of an undelivered "result returned" stays on disk until the province holds it byte for byte', async () => {
    const id = acceptBirthRegistration(store, 30_000);
    await drainAll();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(60_000)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    store.blobs.put(bytes);
    await new ResultReturner(store, noScanner).returnResult({ dossierId: id, source: { kind: 'stored', sha256 }, collectedBy: 'Trần Thị Bình' }, 'can-bo-01');
    expect(outbox.statuses.forDossier(id).map((e) => [e.toStatus, e.state])).toEqual([
      [9, 'pending'],
      [10, 'pending'],
    ]);
    const first = purge();
    expect(first.held.map((h) => h.id)).toContain(id);
    expect(store.blobs.get(sha256).equals(bytes)).toBe(true);

    await drainAll();
    const s = (await onServer(id))!;
    expect(s.TrangThaiHoSo).toBe('10');
    expect(s.results.map((r) => r.storedSha256)).toEqual([sha256]);
    expect(purge().purged.map((p) => p.id)).toContain(id);
    expect(store.blobs.has(sha256)).toBe(false);
  });
});
