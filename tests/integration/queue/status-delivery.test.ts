import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResultReturner } from '../../../src-main/features/dossiers/return-result.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { Outbox } from '../../../src-main/features/queue/outbox.ts';
import { pullStatus } from '../../../src-main/features/queue/status-puller.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { contractCheckedFetch } from './contract-fetch.ts';
import { acceptBirthRegistration, noScanner } from './store-dossier.ts';
import { admin, AGENCY, type ServerDossier } from './fixtures.ts';
import { drainUntilIdle } from './rig.ts';

/**
 * Status changes made at the counter reach the province through the outbox: the real store (with
 * the outbox migrations and the source's hooks), the real uploader and REST adapter, the reference
 * server over HTTP, and the real `returnResult` of the dossier view (result PDF filed as KQ, 9 → 10).
 */
let dir: string;
let server: ReferenceServer;
let store: Store;
let outbox: Outbox;
let source: StoreSource;
const checked = contractCheckedFetch();

const adapter = () => new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', fetch: checked.fetch, chunkSize: 32 * 1024 });
const uploader = () => new Uploader({ outbox, source, adapter: adapter(), concurrency: 2, backoff: { baseMs: 1, capMs: 20 }, leaseMs: 30_000 });
const faults = (rules: unknown[]) => admin(server.url, 'POST', '/__faults', { rules, seed: 11 });
const onServer = async (id: string) => (await admin<ServerDossier[]>(server.url, 'GET', '/__admin/dossiers')).find((s) => s.id === id);

/** Drains until nothing is due any more (a failed attempt waits a few ms of backoff). */
const drainAll = (u = uploader()): Promise<number> => drainUntilIdle(u, outbox);

const accept = (): string => acceptBirthRegistration(store, 90_000);

/** A result PDF of ~200 KB (several chunks, so a dropped PATCH resumes mid-file). */
function resultPdf(): { sha256: string; bytes: Buffer } {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
  store.blobs.put(bytes);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

async function returnResult(id: string): Promise<{ sha256: string; bytes: Buffer }> {
  const pdf = resultPdf();
  await new ResultReturner(store, noScanner).returnResult({ dossierId: id, source: { kind: 'stored', sha256: pdf.sha256 }, collectedBy: 'Trần Thị Bình' }, 'can-bo-01');
  return pdf;
}

async function fetchResult(id: string, docId: string): Promise<Buffer> {
  return adapter().fetchResult(id, docId);
}

/** Exactly once at the province: status 10, each counter status once, one result, byte-identical. */
async function expectReturnedOnce(id: string, pdf: { sha256: string; bytes: Buffer }, progressTail: string[]) {
  const s = await onServer(id);
  expect(s?.TrangThaiHoSo).toBe('10');
  expect(s!.TienDo).toEqual(['2', ...progressTail]);
  expect(s!.statusUpdates.map((u) => [u.TrangThaiHoSo, u.applied])).toEqual(progressTail.map((t) => [t, true]));
  expect(s!.results).toHaveLength(1);
  expect(s!.results[0]!.storedSha256).toBe(pdf.sha256);
  expect((await fetchResult(id, s!.results[0]!.id)).equals(pdf.bytes)).toBe(true);
  expect(outbox.statuses.forDossier(id).map((e) => e.state)).toEqual(progressTail.map(() => 'sent'));
  expect(outbox.get(id)?.remoteStatus).toBe(10);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-status-'));
  server = await startReferenceServer({ dataDir: join(dir, 'server') });
  store = openStore({ dataDir: join(dir, 'client'), migrations: featureMigrations(), agency: () => ({ code: AGENCY, counterId: '01' }) });
  outbox = new Outbox(store.db);
  source = new StoreSource(store);
  source.attach();
});
afterAll(async () => {
  store?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local status changes reach the province through the outbox', () => {
  it('accept → delivered → result returned at the counter → status 10 and the result file at the province, once', async () => {
    const id = accept();
    await drainAll();
    expect(outbox.get(id)?.state).toBe('confirmed');
    expect(outbox.statuses.forDossier(id)).toEqual([]);

    const pdf = await returnResult(id);
    // One entry per status step, written by the change hook in the return transaction.
    expect(outbox.statuses.forDossier(id).map((e) => [e.fromStatus, e.toStatus, e.state])).toEqual([
      [2, 9, 'pending'],
      [9, 10, 'pending'],
    ]);
    expect(outbox.statuses.forDossier(id)[1]!.results.map((r) => r.sha256)).toEqual([pdf.sha256]);
    await drainAll();
    await expectReturnedOnce(id, pdf, ['9', '10']);

    // Nothing more to send: another drain makes no request.
    expect(await uploader().drain()).toBe(0);
    // The 9 declares the result and is repeated once its bytes are in; the 10 finds them held already.
    expect((await onServer(id))!.statusUpdates.map((u) => u.posts)).toEqual([2, 1]);
    expect(checked.violations).toEqual([]);
  });

  for (const kind of ['drop', 'lostAck', 'duplicate', 'error500'] as const) {
    it(`applies the status update exactly once when the status request suffers "${kind}"`, async () => {
      const id = accept();
      await drainAll();
      const pdf = await returnResult(id);
      // The first three status POSTs fail this way: the 9's declaration, its applying repeat, and the 10's.
      await faults([{ kind, method: 'POST', path: '/status$', times: 3 }]);
      await drainAll();
      const fired = await admin<{ fired: Record<string, number> }>(server.url, 'GET', '/__faults');
      await faults([]);
      expect(fired.fired[kind]).toBeGreaterThan(0);
      await expectReturnedOnce(id, pdf, ['9', '10']);
      expect(checked.violations).toEqual([]);
    });
  }

  for (const kind of ['lostAck', 'duplicate'] as const) {
    it(`a status update that applies at once and then suffers "${kind}" is not applied twice`, async () => {
      const id = accept();
      await drainAll();
      // No result document: the first POST applies the update, then its answer is lost / it arrives twice.
      store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Chuyển xử lý');
      await faults([{ kind, method: 'POST', path: '/status$', times: 1 }]);
      await drainAll();
      await faults([]);
      const s = await onServer(id);
      expect(s!.TrangThaiHoSo).toBe('4');
      expect(s!.TienDo).toEqual(['2', '4']);
      expect(s!.statusUpdates).toMatchObject([{ TrangThaiHoSo: '4', applied: true, posts: 2 }]);
    });
  }

  it('a refused local move writes no outbox entry (same transaction)', () => {
    const id = accept();
    expect(() => store.dossiers.changeStatus(id, 10)).toThrow();
    expect(outbox.statuses.forDossier(id)).toEqual([]);
  });

  it('resumes a result upload after the connection drops mid-chunk, file byte-identical', async () => {
    const id = accept();
    await drainAll();
    const pdf = await returnResult(id);
    await faults([{ kind: 'drop', method: 'PATCH', path: '/results/', times: 2 }]);
    await drainAll();
    await faults([]);
    await expectReturnedOnce(id, pdf, ['9', '10']);
  });

  it('a status changed before delivery is sent after the dossier, in order', async () => {
    const id = accept();
    const pdf = await returnResult(id);
    expect(outbox.get(id)?.state).toBe('pending');
    await drainAll();
    expect(outbox.get(id)?.state).toBe('confirmed');
    await expectReturnedOnce(id, pdf, ['9', '10']);
    // The result travels with the status update, not among the submitted documents.
    expect((await onServer(id))!.files).toHaveLength(1);
  });

  it('a status pulled from the province is not sent back; a later local change is', async () => {
    const id = accept();
    await drainAll();
    await admin(server.url, 'POST', `/__admin/dossiers/${id}/status`, { TrangThaiHoSo: '4', NoiDungXuLy: 'Chuyển chuyên viên thụ lý' });
    const before = (await onServer(id))!.TienDo;
    await pullStatus(adapter(), outbox, source);
    expect(store.dossiers.get(id).status).toBe(4);
    expect(outbox.statuses.forDossier(id)).toEqual([]);
    expect(await uploader().drain()).toBe(0);
    expect((await onServer(id))!.TienDo).toEqual(before);

    const pdf = await returnResult(id);
    await drainAll();
    const s = await onServer(id);
    expect(s!.TienDo).toEqual(['2', '4', '9', '10']);
    expect(s!.results.map((r) => r.storedSha256)).toEqual([pdf.sha256]);
    // Pulling again (the province now reports 9 and 10, which came from us) queues nothing new.
    await pullStatus(adapter(), outbox, source);
    expect(outbox.statuses.forDossier(id)).toHaveLength(2);
  });

  it('a dossier changed locally via changeStatus sends that status; the portal fields carry the current status', async () => {
    const id = accept();
    await drainAll();
    store.dossiers.changeStatus(id, 7, 'can-bo-01', 'Công dân rút hồ sơ');
    await drainAll();
    const s = await onServer(id);
    expect(s!.TrangThaiHoSo).toBe('7');
    expect(s!.TienDo).toEqual(['2', '7']);
    expect(source.outgoing(id)?.fields.TrangThaiHoSo).toBe('7');
  });
});
