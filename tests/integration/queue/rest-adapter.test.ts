import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../../src-main/features/queue/adapter.ts';
import { OneStopRestAdapter } from '../../../src-main/features/queue/adapters/onestop-rest/rest-adapter.ts';
import { portalDay } from '../../../src-main/domain/dossier/portal-date.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { contractCheckedFetch } from './contract-fetch.ts';
import { admin, AGENCY, memoryDossier, type ServerDossier } from './fixtures.ts';

let dir: string;
let server: ReferenceServer;
// The server's clock starts at noon in Vietnam and runs at real speed, so the day in the codes it
// issues is known and cannot change between two deliveries (at real midnight it would).
const NOON_VN = Date.parse('2026-03-02T12:00:00+07:00');
const startedAt = Date.now();
const serverNow = () => new Date(NOON_VN + (Date.now() - startedAt));
const checked = contractCheckedFetch();
const adapter = () =>
  new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret', fetch: checked.fetch, chunkSize: 64 * 1024 });
const faults = (rules: unknown[]) => admin(server.url, 'POST', '/__faults', { rules, seed: 7 });
const serverDossiers = () => admin<ServerDossier[]>(server.url, 'GET', '/__admin/dossiers');
const failureOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(DeliveryError);
  return e as DeliveryError;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'onestop-ref-'));
  server = await startReferenceServer({ dataDir: dir, now: serverNow });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one-stop REST adapter against the reference server', () => {
  it('delivers a dossier, issues per-agency daily codes in order, and repeats idempotently', async () => {
    const a = adapter();
    const d1 = memoryDossier([200_000, 1]);
    const d2 = memoryDossier([70_000]);
    const r1 = await a.deliver(d1, () => {});
    const r2 = await a.deliver(d2, () => {});
    const day = portalDay(new Date(NOON_VN));
    expect(day).toBe('260302');
    expect(r1.officialCode).toMatch(new RegExp(`^${AGENCY.replace(/\./g, '\\.')}-${day}-\\d{4}$`));
    expect(Number(r2.officialCode.slice(-4))).toBe(Number(r1.officialCode.slice(-4)) + 1);
    expect(r1.status).toBe(2);
    const again = await a.deliver(d1, () => {});
    expect(again.officialCode).toBe(r1.officialCode);
    const onServer = (await serverDossiers()).filter((s) => s.SoBienNhan === d1.fields.SoBienNhan);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]!.files.map((f) => f.storedSha256)).toEqual(d1.files.map((f) => f.sha256));
  });

  it('resumes a file mid-way after the connection drops during a chunk', async () => {
    const a = adapter();
    const d = memoryDossier([600_000]);
    await faults([{ kind: 'drop', method: 'PATCH', times: 1 }]);
    expect((await failureOf(a.deliver(d, () => {}))).kind).toBe('transient');
    await faults([]);
    const starts: number[] = [];
    await a.deliver(d, (done) => starts.push(done));
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[0]).toBeLessThan(600_000);
    const s = (await serverDossiers()).find((x) => x.id === d.id)!;
    expect(s.files[0]!.storedSha256).toBe(d.files[0]!.sha256);
  });

  it('survives a lost acknowledgement of the commit and a duplicated request without a second dossier', async () => {
    const a = adapter();
    const d = memoryDossier([10_000]);
    await faults([{ kind: 'lostAck', method: 'POST', path: '/commit$', times: 1 }]);
    expect((await failureOf(a.deliver(d, () => {}))).code).toBe('NETWORK');
    await faults([{ kind: 'duplicate', probability: 1 }]);
    const r = await a.deliver(d, () => {});
    await faults([]);
    const s = (await serverDossiers()).filter((x) => x.SoBienNhan === d.fields.SoBienNhan);
    expect(s).toHaveLength(1);
    expect(s[0]!.MaHoSo).toBe(r.officialCode);
    expect(s[0]!.commits).toBeGreaterThanOrEqual(3);
  });

  it('reports 503 as transient with the Retry-After, and gets a new token after expiry', async () => {
    const a = adapter();
    await faults([{ kind: 'unavailable503', times: 1, retryAfterSec: 3 }]);
    const e = await failureOf(a.deliver(memoryDossier([10]), () => {}));
    expect([e.kind, e.httpStatus, e.retryAfterMs]).toEqual(['transient', 503, 3000]);
    await faults([{ kind: 'tokenExpiry', path: '^/dossiers$', times: 1 }]);
    await expect(a.deliver(memoryDossier([10]), () => {})).resolves.toMatchObject({ status: 2 });
  });

  it('rejects an invalid dossier permanently with the server reason, and bad credentials as auth', async () => {
    // Deliberately outside the contract, so sent without the contract check.
    const plain = new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'demo-secret' });
    const e = await failureOf(plain.deliver(memoryDossier([10], { LoaiDoiTuong: '9', NgayTiepNhan: '20241399' }), () => {}));
    expect([e.kind, e.code, e.httpStatus]).toEqual(['permanent', 'INVALID_DOSSIER', 422]);
    expect(e.reason).toMatch(/Hồ sơ không hợp lệ/);
    const bad = new OneStopRestAdapter({ baseUrl: server.apiUrl, clientId: 'counter-demo', clientSecret: 'wrong', fetch: checked.fetch });
    expect((await failureOf(bad.deliver(memoryDossier([10]), () => {}))).kind).toBe('auth');
    expect(await bad.ping()).toBe(true);
  });

  it('quarantines a file whose bytes do not match the declared hash', async () => {
    const d = memoryDossier([5000]);
    const other = randomBytes(5000);
    d.files[0]!.read = async (o, n) => other.subarray(o, o + n);
    const e = await failureOf(adapter().deliver(d, () => {}));
    expect([e.kind, e.code]).toEqual(['permanent', 'LOCAL_FILE_MISMATCH']);
  });

  it('pulls status changes, progress and result documents back', async () => {
    const a = adapter();
    const d = memoryDossier([1000]);
    const before = await a.changes(undefined);
    await a.deliver(d, () => {});
    const pdf = Buffer.from('%PDF-1.4 giấy khai sinh');
    await admin(server.url, 'POST', `/__admin/dossiers/${d.id}/status`, { TrangThaiHoSo: '4', NoiDungXuLy: 'Chuyển chuyên viên' });
    await admin(server.url, 'POST', `/__admin/dossiers/${d.id}/status`, {
      TrangThaiHoSo: '9',
      NoiDungXuLy: 'Đã ký',
      result: { TenGiayTo: 'Giấy khai sinh', contentBase64: pdf.toString('base64') },
    });
    const st = await a.state(d.id);
    expect(st?.progress.map((p) => p.status)).toEqual([2, 4, 9]);
    expect(st?.results).toHaveLength(1);
    const got = await a.fetchResult(d.id, st!.results[0]!.id);
    expect(createHash('sha256').update(got).digest('hex')).toBe(st!.results[0]!.sha256);
    const ch = await a.changes(before.cursor);
    expect(ch.items.filter((i) => i.dossierId === d.id).at(-1)?.status).toBe(9);
    expect(await a.state('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('every request and response of this file matched openapi.yaml', () => {
    expect(checked.exchanges).toBeGreaterThan(20);
    expect(checked.violations).toEqual([]);
  });
});
