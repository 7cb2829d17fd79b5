import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { queueMethods } from '../../../src-main/contract/queue.ts';
import { Settings } from '../../../src-main/contract/settings.ts';
import type { CliContext } from '../../../src-main/cli/command.ts';
import { queueCommands } from '../../../src-main/cli/commands/queue.ts';
import { typedCaller } from '../../../src-main/rpc/caller.ts';
import { EventBus } from '../../../src-main/rpc/event-bus.ts';
import { ResultReturner } from '../../../src-main/features/dossiers/return-result.ts';
import { StatusService } from '../../../src-main/kernel/status-service.ts';
import { syncHandlers } from '../../../src-main/features/queue/queue-handlers.ts';
import { SyncService } from '../../../src-main/features/queue/queue-service.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { acceptBirthRegistration, noScanner } from './store-dossier.ts';
import { admin, AGENCY } from './fixtures.ts';

/**
 * The queue screen's view of status updates made at the counter: the real store and sync service
 * (engine not running), the real uploader and REST adapter against the reference server over HTTP,
 * and the queue handlers' answers checked against their contract schemas.
 */
let dir: string;
let server: ReferenceServer;
let store: Store;
let sync: SyncService;
let handlers: ReturnType<typeof syncHandlers>;

const OPEN = ['pending', 'sending', 'sent', 'failed-retrying', 'quarantined'] as const;

const adapter = () => new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 32 * 1024 });

/** Drains until nothing is due (quarantined entries wait for a person). The service's own source hooks queue; this one only reads. */
async function drainAll(): Promise<void> {
  const u = new Uploader({ outbox: sync.outbox, source: new StoreSource(store), adapter: adapter(), concurrency: 2, backoff: { baseMs: 1, capMs: 20 }, leaseMs: 30_000 });
  for (let round = 0; round < 50; round++) {
    await u.drain();
    const c = sync.outbox.counts();
    const s = sync.outbox.statuses.counts();
    if (c.pending + c.sending + c['failed-retrying'] + c.sent + s.pending + s.sending + s['failed-retrying'] === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not drained: ${JSON.stringify([sync.outbox.counts(), sync.outbox.statuses.counts()])}`);
}

const accept = (): string => acceptBirthRegistration(store, 40_000);

async function returnResult(id: string): Promise<void> {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]);
  store.blobs.put(bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await new ResultReturner(store, noScanner).returnResult({ dossierId: id, source: { kind: 'stored', sha256 }, collectedBy: 'Trần Thị Bình' }, 'can-bo-01');
}

/** Calls a queue handler and checks its answer against the contract, as the RPC layer would. */
async function call<M extends 'queue.status' | 'queue.list' | 'queue.retry' | 'queue.export'>(m: M, input: z.input<(typeof queueMethods)[M]['input']>) {
  const out = await (handlers[m] as (i: unknown) => unknown)(queueMethods[m].input.parse(input));
  return queueMethods[m].output.parse(out) as Awaited<ReturnType<(typeof handlers)[M]>>;
}

/** `counter queue <words>` run against the same handlers (no Core: these commands only call the queue methods). */
async function cli(words: string[], flags: Record<string, string | boolean> = {}): Promise<string> {
  const command = queueCommands.find((c) => c.words.join(' ') === words.join(' '))!;
  const ctx: CliContext = { core: undefined as never, call: typedCaller(async (m, input) => ({ ok: true, value: await call(m as 'queue.list', input as never) })) };
  return (await command.run(ctx, { positionals: [], flags })).text;
}

const openRow = async (id: string) => (await call('queue.list', { states: [...OPEN] })).items.find((i) => i.dossierId === id);
const anyRow = async (id: string) => (await call('queue.list', {})).items.find((i) => i.dossierId === id);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-queue-status-'));
  server = await startReferenceServer({ dataDir: join(dir, 'server') });
  store = openStore({ dataDir: join(dir, 'client'), migrations: featureMigrations(), agency: () => ({ code: AGENCY, counterId: '01' }) });
  const settings = Settings.parse({});
  const bus = new EventBus();
  sync = new SyncService({ store, bus, status: new StatusService(bus, settings, false), settings: () => settings, clientSecret: () => undefined, run: false });
  handlers = syncHandlers(sync);
});
afterAll(async () => {
  await sync?.close();
  store?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the queue shows status updates made at the counter', () => {
  it('a pending status update: counted, and its confirmed dossier is listed among the open rows', async () => {
    const id = accept();
    await drainAll();
    expect(sync.outbox.get(id)?.state).toBe('confirmed');
    expect(await openRow(id)).toBeUndefined();
    const before = (await call('queue.status', {})).statusCounts.pending;

    store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Chuyển xử lý');
    const summary = await call('queue.status', {});
    expect(summary.statusCounts.pending).toBe(before + 1);
    const row = await openRow(id);
    expect(row?.state).toBe('confirmed');
    expect(row?.statusUpdates).toMatchObject([{ fromStatus: 2, toStatus: 4, toStatusName: { vi: 'Đang xử lý' }, state: 'pending', attempts: 0, sentAt: null, problem: null }]);
    await drainAll();
  });

  it('a delivered status update (result returned, 10): sent, with its time, and off the open list', async () => {
    const id = accept();
    await drainAll();
    await returnResult(id);
    expect((await openRow(id))?.statusUpdates.map((u) => [u.toStatus, u.state])).toEqual([
      [9, 'pending'],
      [10, 'pending'],
    ]);
    await drainAll();
    expect(await openRow(id)).toBeUndefined();
    const row = await anyRow(id);
    expect(row?.statusUpdates).toMatchObject([
      { toStatus: 9, toStatusName: { vi: 'Đã xử lý xong' }, state: 'sent', problem: null, nextAttemptAt: null },
      { toStatus: 10, toStatusName: { vi: 'Đã trả kết quả', en: 'Result returned' }, state: 'sent', problem: null, nextAttemptAt: null, resultCount: 1 },
    ]);
    for (const u of row!.statusUpdates) expect(Date.parse(u.sentAt ?? '')).toBeGreaterThan(0);
    const exported = await call('queue.export', {});
    expect(exported.items.find((i) => i.dossierId === id)?.statusUpdates.map((u) => u.state)).toEqual(['sent', 'sent']);
    expect(exported.summary.statusCounts.sent).toBeGreaterThanOrEqual(2);
  });

  it('a quarantined status update: counted, explained in Vietnamese with what to do, exported, released only when named', async () => {
    const id = accept();
    await drainAll();
    // The province closed the dossier meanwhile (citizen withdrew there), so it refuses the counter's move.
    await admin(server.url, 'POST', `/__admin/dossiers/${id}/status`, { TrangThaiHoSo: '7', NoiDungXuLy: 'Công dân rút hồ sơ' });
    store.dossiers.changeStatus(id, 4, 'can-bo-01', 'Chuyển xử lý');
    await drainAll();

    expect((await call('queue.status', {})).statusCounts.quarantined).toBe(1);
    const quarantinedOnly = (await call('queue.list', { states: ['quarantined'] })).items;
    expect(quarantinedOnly.map((i) => [i.dossierId, i.state])).toEqual([[id, 'confirmed']]);
    const [u] = quarantinedOnly[0]!.statusUpdates;
    expect(u).toMatchObject({ toStatus: 4, state: 'quarantined', attempts: 1, nextAttemptAt: null, sentAt: null });
    expect(u!.problem).toMatchObject({ code: 'STATUS_CONFLICT', httpStatus: 422 });
    expect(u!.problem!.message.vi).toContain('từ chối cập nhật trạng thái');
    expect(u!.problem!.advice.vi).toContain('Gửi lại');
    expect(u!.problem!.serverReason).toContain('trạng thái kết thúc');
    expect((await call('queue.export', {})).items.find((i) => i.dossierId === id)?.statusUpdates[0]?.state).toBe('quarantined');

    const text = await cli(['queue', 'status'], { state: 'quarantined' });
    expect(text).toContain('Cập nhật trạng thái / status updates — chờ gửi: 0, đang gửi: 0, đã gửi: ');
    expect(text).toContain('bị từ chối: 1');
    expect(text).toContain(`Cập nhật trạng thái 4. Đang xử lý — bị từ chối\n      ${u!.problem!.message.vi} — ${u!.problem!.serverReason}\n      → ${u!.problem!.advice.vi}`);

    // "Retry now" for everything leaves a refused update alone; naming its dossier releases it.
    await call('queue.retry', {});
    expect(sync.outbox.statuses.forDossier(id)[0]?.state).toBe('quarantined');
    expect((await call('queue.retry', { dossierIds: [id] })).retried).toBe(1);
    expect((await openRow(id))?.statusUpdates).toMatchObject([{ state: 'pending', attempts: 0 }]);
    expect((await call('queue.status', {})).statusCounts.quarantined).toBe(0);
  });
});
