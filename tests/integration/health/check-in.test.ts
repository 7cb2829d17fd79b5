import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { HealthService } from '../../../src-main/features/health/health-service.ts';
import { SettingsService } from '../../../src-main/kernel/settings-service.ts';
import { EventBus } from '../../../src-main/rpc/event-bus.ts';
import { fileLogger } from '../../../src-main/platform/logger.ts';
import { TRAINING_SAMPLES } from '../../../src-main/domain/identity/training-samples.ts';
import { BhytServiceSim } from '../../sim/bhyt/server.ts';

const SOURCE = { deviceId: 'qr:serial:/dev/ttyACM0', driver: 'serial' as const, simulated: true };

describe('health-station check-in with the BHYT card-check service over real HTTP', () => {
  let dataDir: string;
  let store: Store;
  let sim: BhytServiceSim;
  let now: Date;

  const service = () => {
    const bus = new EventBus();
    const settings = new SettingsService(dataDir, bus);
    return { svc: new HealthService({ db: store.db, bus, settings, log: fileLogger(dataDir), now: () => now }), settings };
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'health-'));
    store = openStore({ dataDir, migrations: featureMigrations() });
    sim = new BhytServiceSim().add({ maThe: 'DN4790123456789', gtTheTu: '01/01/2025', gtTheDen: '31/12/2099', maDKBD: '79001', maKV: '' });
    await sim.start();
    now = new Date(2026, 10, 23, 8, 0);
  });
  afterEach(async () => {
    store.close();
    await sim.stop();
  });

  it('checks a BHYT QR in: valid card, queue numbers 1, 2, 3 …', async () => {
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url } });
    const a = await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE });
    expect(a).toMatchObject({ queueNumber: 1, day: '2026-11-23', card: { status: 'valid', resultCode: '000', validTo: '2099-12-31', facilityCode: '79001' } });
    expect(sim.requests[0]).toEqual({ maThe: 'DN4790123456789', hoTen: 'Nguyễn Văn An', ngaySinh: '01/01/1990' });
    const b = await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE });
    expect(b).toMatchObject({ queueNumber: 2, card: { status: 'invalid', resultCode: '010' } });
    expect(svc.today().map((c) => c.queueNumber)).toEqual([2, 1]);
  });

  it('the same person checked in again that day keeps the first number, from any of their codes', async () => {
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url } });
    const first = await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE });
    const other = await svc.checkIn({ text: TRAINING_SAMPLES.vneid, source: SOURCE });
    const again = await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE });
    // The MRZ of the same ID card carries the same personal ID number.
    const byMrz = await svc.checkIn({ text: TRAINING_SAMPLES.mrz, source: SOURCE });
    expect([first.queueNumber, other.queueNumber, again.queueNumber, byMrz.queueNumber]).toEqual([1, 2, 1, 1]);
    expect(again.id).toBe(first.id);
    expect(svc.today().map((c) => c.queueNumber)).toEqual([2, 1]);
    const next = await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE });
    expect(next.queueNumber).toBe(3);
    expect((await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE })).queueNumber).toBe(3);
    now = new Date(now.getTime() + 24 * 3600_000);
    expect((await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE })).queueNumber).toBe(1);
  });

  it('refuses an expired card even when the service answers OK', async () => {
    sim.add({ maThe: 'DN4790123456789', gtTheTu: '01/01/2024', gtTheDen: '31/12/2024', maDKBD: '79001' });
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url } });
    expect((await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE })).card.status).toBe('invalid');
  });

  it('queue numbers survive a restart, never repeat within the day, and start again at 1 the next day', async () => {
    let { svc } = service();
    await svc.checkIn({ text: TRAINING_SAMPLES.mrz, source: SOURCE });
    await svc.checkIn({ text: TRAINING_SAMPLES.vneid, source: SOURCE });
    store.close();
    store = openStore({ dataDir, migrations: featureMigrations() });
    ({ svc } = service());
    expect((await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE })).queueNumber).toBe(3);
    now = new Date(2026, 10, 24, 7, 30);
    expect((await svc.checkIn({ text: TRAINING_SAMPLES.mrz, source: SOURCE })).queueNumber).toBe(1);
    expect(svc.today('2026-11-23')).toHaveLength(3);
  });

  it('offline: records the check-in as pending and verifies it when the service is back', async () => {
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url, cardCheckTimeoutMs: 500 } });
    await sim.stop();
    const c = await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE });
    expect(c).toMatchObject({ queueNumber: 1, card: { status: 'pending', resultCode: 'CARD_CHECK_UNREACHABLE', attempts: 1 } });
    expect(await svc.recheck()).toEqual({ checked: 0, stillPending: 1 });
    await sim.start();
    expect(await svc.recheck()).toEqual({ checked: 1, stillPending: 0 });
    expect(svc.today()[0]?.card).toMatchObject({ status: 'valid', attempts: 3 });
  });

  it('a slow service times out into the pending path instead of holding the queue', async () => {
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url, cardCheckTimeoutMs: 300 } });
    sim.delayMs = 2000;
    const t = Date.now();
    const c = await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE });
    expect(Date.now() - t).toBeLessThan(1500);
    expect(c.card.status).toBe('pending');
  });

  it('audits each check-in as a read of personal data, with who and why', async () => {
    const { svc } = service();
    const c = await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE }, 'nurse-1');
    expect(store.audit.list({ subject: `health-checkin:${c.id}` })).toEqual([
      expect.objectContaining({ action: 'read', userId: 'nurse-1', reason: 'Tiếp đón người bệnh tại trạm y tế', details: { kind: 'cccd-qr', device: SOURCE.deviceId } }),
    ]);
  });

  it('never writes personal data to the log', async () => {
    const { svc, settings } = service();
    settings.set({ health: { cardCheckUrl: sim.url } });
    await svc.checkIn({ text: TRAINING_SAMPLES.bhyt, source: SOURCE });
    await sim.stop();
    await svc.checkIn({ text: TRAINING_SAMPLES.cccd, source: SOURCE });
    const logs = readdirSync(join(dataDir, 'logs')).map((f) => readFileSync(join(dataDir, 'logs', f), 'utf8')).join('');
    expect(logs).toContain('health check-in');
    for (const secret of ['Nguyễn', 'NGUYỄN', 'DN4790123456789', '001090012345', '1990', 'Thôn']) expect(logs).not.toContain(secret);
  });
});
