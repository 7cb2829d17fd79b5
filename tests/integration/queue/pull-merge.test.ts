import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { toPortalDate } from '../../../src-main/domain/dossier/portal-date.ts';
import type { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { pullStatus } from '../../../src-main/features/queue/status-puller.ts';
import type { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import type { ReferenceServer } from '../../../src-main/reference-server/server.ts';
import type { Store } from '../../../src-main/store/store.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { admin, type ServerDossier } from './fixtures.ts';
import { drainUntilIdle, openQueueRig, type QueueRig } from './rig.ts';
import { acceptBirthRegistration } from './store-dossier.ts';

/**
 * Pulls never undo a local move: the province's history is merged by event identity (status and
 * time), and a local change the province has not applied yet stays the current status. Real store,
 * real uploader and REST adapter, reference server over HTTP; the province's own moves go through
 * its admin route.
 */
let rig: QueueRig;
let store: Store;
let outbox: Outbox;
let source: StoreSource;
let server: ReferenceServer;

const adapter = () => new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 32 * 1024 });
const pull = () => pullStatus(adapter(), outbox, source);
const drainAll = () => drainUntilIdle(new Uploader({ outbox, source, adapter: adapter(), concurrency: 2, backoff: { baseMs: 1, capMs: 20 }, leaseMs: 30_000 }), outbox);

/** Local history after acceptance, as the province writes it: [status, yyyyMMddHHmmss]. */
const localTail = (id: string) => {
  const h = store.dossiers.get(id).statusHistory;
  const accepted = h.findIndex((e) => e.status === 2);
  return h.slice(accepted + 1).map((e) => [String(e.status), toPortalDate(new Date(e.at))]);
};
const provinceTail = async (id: string) => {
  const s = await adapter().state(id);
  return s!.progress.slice(1).map((p) => [String(p.status), p.at]);
};
const provinceMoves = async (id: string, status: string) => admin<unknown>(server.url, 'POST', `/__admin/dossiers/${id}/status`, { TrangThaiHoSo: status, NoiDungXuLy: 'Chuyên viên xử lý' });
/** Distinct times for every move (identity is status + second, as the province records it). */
const tick = () => new Promise((r) => setTimeout(r, 1050));

beforeAll(async () => {
  rig = await openQueueRig('sync-pull-merge-');
  ({ store, outbox, source, server } = rig);
});
afterAll(() => rig?.close());

describe('a pull merges the province history instead of replaying it', () => {
  it('a local 5 not yet delivered stays 5 after a pull (the province still says 4)', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    await drainAll();
    store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Chuyển xử lý');
    await drainAll();
    store.dossiers.changeStatus(id, 5, 'can-bo-01', 'Yêu cầu bổ sung');
    await pull();
    expect(store.dossiers.get(id).status).toBe(5);
    expect(store.dossiers.get(id).statusHistory.map((h) => h.status)).toEqual([1, 2, 4, 5]);
    // The next officer move is still allowed, and everything reaches the province once, in order.
    store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Đã bổ sung');
    await drainAll();
    await pull();
    expect(store.dossiers.get(id).status).toBe(4);
    expect(localTail(id)).toEqual(await provinceTail(id));
    expect((await provinceTail(id)).map(([s]) => s)).toEqual(['4', '5', '4']);
  });

  it('repeated pulls of a delivered 4 ↔ 5 ↔ 4 history add nothing', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    await drainAll();
    for (const s of [4, 5, 4, 6, 4]) {
      store.dossiers.changeStatus(id, s, 'can-bo-01');
      await drainAll();
    }
    for (let i = 0; i < 3; i++) {
      outbox.setState('changesCursor', '0');
      await pull();
    }
    expect(store.dossiers.get(id).statusHistory.map((h) => h.status)).toEqual([1, 2, 4, 5, 4, 6, 4]);
    expect(localTail(id)).toEqual(await provinceTail(id));
  });

  it('a province move and a local move not yet delivered: both kept, the local one current until delivered, then equal', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    await drainAll();
    store.dossiers.changeStatus(id, 4, 'can-bo-01');
    await drainAll();
    await tick();
    await provinceMoves(id, '6');
    await tick();
    store.dossiers.changeStatus(id, 5, 'can-bo-01', 'Yêu cầu bổ sung');
    await pull();
    const d = store.dossiers.get(id);
    expect(d.status).toBe(5);
    expect(d.statusHistory.map((h) => h.status)).toEqual([1, 2, 4, 6, 5]);
    await drainAll();
    await pull();
    expect(store.dossiers.get(id).status).toBe(5);
    expect(localTail(id)).toEqual(await provinceTail(id));
    const s = (await admin<ServerDossier[]>(server.url, 'GET', '/__admin/dossiers')).find((x) => x.id === id)!;
    expect(s.TienDo).toEqual(['2', '4', '6', '5']);
    expect(s.statusUpdates.map((u) => [u.TrangThaiHoSo, u.applied])).toEqual([
      ['4', true],
      ['5', true],
    ]);
  });

  it('a province move while nothing local is pending becomes the local status, once', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    await drainAll();
    store.dossiers.changeStatus(id, 4, 'can-bo-01');
    await drainAll();
    await provinceMoves(id, '9');
    await pull();
    await pull();
    expect(store.dossiers.get(id).status).toBe(9);
    expect(localTail(id)).toEqual(await provinceTail(id));
    // Nothing pulled is sent back.
    expect(outbox.statuses.forDossier(id).map((e) => e.toStatus)).toEqual([4]);
  });
});
