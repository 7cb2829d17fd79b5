import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { startReferenceServer, type ReferenceServer, type ReferenceServerOptions } from '../../../src-main/reference-server/server.ts';
import { admin, memoryDossier, type ServerDossier } from './fixtures.ts';

/**
 * The reference server's per-file upload lock (FILE_BUSY) lives only as long as the request that holds
 * it: a request whose client left while a "slow" fault held it back takes no lock, and a lock whose
 * request stopped sending expires. Real HTTP, real server; the client side is plain fetch / a raw socket.
 */
let server: ReferenceServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(opts: Partial<ReferenceServerOptions> = {}): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-file-lock-'));
  dirs.push(dir);
  server = await startReferenceServer({ dataDir: dir, ...opts });
  return server;
}

async function token(s: ReferenceServer): Promise<string> {
  const res = await fetch(`${s.apiUrl}/token`, {
    method: 'POST',
    body: 'grant_type=client_credentials',
    headers: { Authorization: `Basic ${Buffer.from('counter-demo:demo-secret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Declares a one-file dossier and returns what a PATCH of that file needs. */
async function declared(s: ReferenceServer, size: number) {
  const d = memoryDossier([size]);
  const bearer = await token(s);
  const file = d.files[0]!;
  const res = await fetch(`${s.apiUrl}/dossiers`, {
    method: 'POST',
    body: JSON.stringify({ ...d.fields, TaiLieuNop: [
        {
          TepDinhKemId: file.id,
          TenTepDinhKem: file.name,
          IsDeleted: 'False',
          MaThanhPhanHoSo: file.componentCode,
          DuocSoHoa: '1',
          DuocTaiSuDung: '0',
          DuocLayTuKhoDMQG: '0',
          LoaiTep: file.mime,
          KichThuoc: file.size,
          MaBam: file.sha256,
        },
      ] }),
    headers: { Authorization: `Bearer ${bearer}`, 'Idempotency-Key': d.id, 'Content-Type': 'application/json' },
  });
  expect(res.status).toBe(201);
  const path = `/onestop/v1/dossiers/${d.id}/files/${file.id}`;
  const patch = (offset: number, body: Buffer, signal?: AbortSignal) =>
    fetch(`${s.url}${path}`, {
      method: 'PATCH',
      body: new Uint8Array(body),
      signal,
      headers: { Authorization: `Bearer ${bearer}`, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
    });
  return { d, bytes: d.bytes[0]!, bearer, path, patch };
}

const onServer = async (s: ReferenceServer, id: string) => (await admin<ServerDossier[]>(s.url, 'GET', '/__admin/dossiers')).find((x) => x.id === id);

describe('the reference server’s file lock dies with its request', () => {
  it('a PATCH whose client gave up during a slow fault leaves no lock behind', async () => {
    const s = await start();
    const { d, bytes, patch } = await declared(s, 64 * 1024);
    await admin(s.url, 'POST', '/__faults', { rules: [{ kind: 'slow', method: 'PATCH', times: 1, delayMs: 400 }] });
    // The client times out while the server still sleeps on its request: the request is gone before the handler runs.
    await expect(patch(0, bytes, AbortSignal.timeout(100))).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 700));
    const res = await patch(0, bytes);
    const body = (await res.json()) as { error_code?: string; complete?: boolean };
    expect(body.error_code).toBeUndefined();
    expect(res.status).toBe(200);
    expect(body.complete).toBe(true);
    expect((await onServer(s, d.id))!.files[0]!.storedSha256).toBe(d.files[0]!.sha256);
  });

  it('a PATCH that stalls mid-body holds the lock only until it expires; then the file is delivered whole', async () => {
    const s = await start({ fileLockTtlMs: 600 });
    const { d, bytes, bearer, path } = await declared(s, 200 * 1024);
    // A client that sends half the body, then nothing, and keeps its connection open.
    const url = new URL(s.url);
    const stalled = connect(Number(url.port), url.hostname);
    try {
      await new Promise<void>((resolve) => stalled.once('connect', () => resolve()));
      stalled.write(
        `PATCH ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${bearer}\r\nUpload-Offset: 0\r\n` +
          `Content-Type: application/offset+octet-stream\r\nContent-Length: ${bytes.length}\r\n\r\n`,
      );
      stalled.write(bytes.subarray(0, 50 * 1024));
      await new Promise((r) => setTimeout(r, 150));
      const adapter = new OneStopRestAdapter({ baseUrl: s.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', chunkSize: 64 * 1024 });
      // While the stalled request is fresh, the file is busy (the adapter waits and retries; the lock expires meanwhile).
      const started = Date.now();
      const receipt = await adapter.deliver(d, () => {});
      expect(receipt.officialCode).toMatch(/^000\.00\.31\.H42-\d{6}-\d{4}$/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      const held = await onServer(s, d.id);
      expect(held!.committed).toBe(true);
      expect(held!.files[0]!.storedSha256).toBe(d.files[0]!.sha256);
    } finally {
      stalled.destroy();
    }
  });
});
