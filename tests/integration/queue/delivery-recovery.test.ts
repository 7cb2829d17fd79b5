import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Settings } from '../../../src-main/contract/settings.ts';
import { EventBus } from '../../../src-main/rpc/event-bus.ts';
import { StatusService } from '../../../src-main/kernel/status-service.ts';
import { SyncService } from '../../../src-main/features/queue/queue-service.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { declareFile, OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { syncMigrations } from '../../../src-main/features/queue/migrations/0020-outbox.ts';
import { StoreSource } from '../../../src-main/features/queue/store-source.ts';
import { Uploader } from '../../../src-main/features/queue/uploader.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { admin, AGENCY } from './fixtures.ts';
import { acceptBirthRegistration } from './store-dossier.ts';

/**
 * Delivery recovers by itself, or says why it cannot: a token refused twice is fetched afresh without
 * pausing anything (and the queue does not blame the credentials); wrong credentials do pause it, with
 * that advice; a damaged scan is quarantined with advice instead of failing forever; a file the server
 * keeps refusing as busy shows as a problem on the queue screen. Real store and SyncService views,
 * real uploader and adapter, reference server over HTTP.
 */
let dir: string;
let server: ReferenceServer;
let store: Store;
let sync: SyncService;
const sockets: Socket[] = [];

const adapter = (secret = 'demo-secret') => new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: secret, chunkSize: 32 * 1024 });
/** `waitMs`: the backoff after a failure (fixed), so one drain ends with the row waiting and its problem visible. */
const uploader = (opts: { secret?: string; busyBoundMs?: number; waitMs?: number } = {}) =>
  new Uploader({
    outbox: sync.outbox,
    source: new StoreSource(store),
    adapter: adapter(opts.secret),
    concurrency: 1,
    backoff: { baseMs: opts.waitMs ?? 1, capMs: opts.waitMs ?? 20 },
    random: () => 0.999,
    leaseMs: 30_000,
    busyBoundMs: opts.busyBoundMs,
  });
const item = (id: string) => sync.list({}).find((i) => i.dossierId === id)!;
const faults = (rules: unknown[]) => admin(server.url, 'POST', '/__faults', { rules, seed: 3 });

/** Drains (again after each backoff) until the row is in one of `states` or the rounds run out. */
async function drainUntil(u: Uploader, id: string, states: string[], rounds = 40): Promise<void> {
  for (let i = 0; i < rounds && !states.includes(sync.outbox.get(id)!.state); i++) {
    await u.drain();
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sync-recovery-'));
  server = await startReferenceServer({ dataDir: join(dir, 'server'), fileLockTtlMs: 60_000 });
  store = openStore({ dataDir: join(dir, 'client'), migrations: syncMigrations, agency: () => ({ code: AGENCY, counterId: '01' }) });
  const settings = Settings.parse({});
  const bus = new EventBus();
  sync = new SyncService({ store, bus, status: new StatusService(bus, settings, false), settings: () => settings, clientSecret: () => undefined, run: false });
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await admin(server.url, 'DELETE', '/__faults');
});
afterAll(async () => {
  await sync?.close();
  store?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delivery recovers by itself or says why', () => {
  it('two invalid_token 401s in a row: fresh token, no pause, TOKEN_REFUSED meanwhile (not the credentials), then delivered', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    // The server forgets every token on the upsert and again on its retry with the fresh one.
    await faults([{ kind: 'tokenExpiry', method: 'POST', path: '^/dossiers$', times: 2 }]);
    const u = uploader({ waitMs: 400 });
    await u.drain();
    expect(u.blockedByAuth).toBe(false);
    const row = item(id);
    expect(row.state).toBe('failed-retrying');
    expect(row.problem?.code).toBe('TOKEN_REFUSED');
    expect(row.problem?.advice.vi).toContain('Không phải lỗi thông tin đăng nhập');
    await drainUntil(u, id, ['confirmed']);
    expect(item(id)).toMatchObject({ state: 'confirmed', problem: null });
    expect(u.blockedByAuth).toBe(false);
  });

  it('credentials the server refuses at /token: sending pauses and the problem says to check them', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    const u = uploader({ secret: 'wrong-secret' });
    await u.drain();
    expect(u.blockedByAuth).toBe(true);
    expect(item(id).problem?.code).toBe('AUTH_REJECTED');
    expect(item(id).problem?.advice.vi).toContain('Cài đặt › Máy chủ');
    await drainUntil(uploader(), id, ['confirmed']);
    expect(item(id).state).toBe('confirmed');
  });

  it('a damaged scan is quarantined with Vietnamese advice instead of LOCAL_ERROR forever', async () => {
    const id = acceptBirthRegistration(store, 20_000);
    const page = store.dossiers.get(id).components[0]!.pages[0]!;
    const path = store.blobs.pathOf(page.sha256);
    const sealed = readFileSync(path);
    sealed[sealed.length - 40] = sealed[sealed.length - 40]! ^ 0xff;
    writeFileSync(path, sealed);
    const u = uploader();
    await u.drain();
    const row = item(id);
    expect(row.state).toBe('quarantined');
    expect(row.problem?.code).toBe('LOCAL_BLOB_DAMAGED');
    expect(row.problem?.advice.vi).toContain('Quét lại');
    // Quarantined means no more attempts until a person releases it.
    expect(await u.drain()).toBe(0);
  });

  it('a file the server keeps refusing as busy becomes FILE_BUSY_STUCK on the queue screen, and goes once the lock is gone', async () => {
    const id = acceptBirthRegistration(store, 40_000);
    const d = new StoreSource(store).outgoing(id)!;
    const file = d.files[0]!;
    // Another client declared the dossier and stalls mid-upload, keeping its connection (and the lock) open.
    const tokenRes = await fetch(`${server.apiUrl}/token`, {
      method: 'POST',
      body: 'grant_type=client_credentials',
      headers: { Authorization: `Basic ${Buffer.from('counter-demo:demo-secret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const bearer = ((await tokenRes.json()) as { access_token: string }).access_token;
    const up = await fetch(`${server.apiUrl}/dossiers`, {
      method: 'POST',
      body: JSON.stringify({ ...d.fields, TaiLieuNop: d.files.map(declareFile) }),
      headers: { Authorization: `Bearer ${bearer}`, 'Idempotency-Key': id, 'Content-Type': 'application/json' },
    });
    expect(up.status).toBe(201);
    const url = new URL(server.url);
    const stalled = connect(Number(url.port), url.hostname);
    sockets.push(stalled);
    await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
    stalled.write(
      `PATCH /onestop/v1/dossiers/${id}/files/${file.id} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${bearer}\r\n` +
        `Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: ${file.size}\r\n\r\n`,
    );
    stalled.write(await file.read(0, 1000));
    await new Promise((r) => setTimeout(r, 100));

    const u = uploader({ busyBoundMs: 1000, waitMs: 300 });
    await u.drain();
    expect(item(id).problem?.code).toBe('FILE_BUSY');
    await new Promise((r) => setTimeout(r, 350));
    await u.drain();
    const stuck = item(id);
    expect(stuck.state).toBe('failed-retrying');
    expect(stuck.problem?.code).toBe('FILE_BUSY_STUCK');
    expect(stuck.problem?.message.vi).toContain('giữ khóa');
    expect(stuck.problem?.advice.vi).toContain('CNTT tỉnh');

    stalled.destroy();
    await drainUntil(u, id, ['confirmed']);
    expect(item(id)).toMatchObject({ state: 'confirmed', problem: null });
  });
});
