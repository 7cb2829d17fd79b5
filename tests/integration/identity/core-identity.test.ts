import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import { runCli } from '../../../src-main/cli/run.ts';
import type { IdentityRead } from '../../../src-main/contract/idread.ts';

describe('identity through the core (contract methods, events, training mode, CLI)', () => {
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
    vi.restoreAllMocks();
  });

  it('training mode lists the simulated reader and its scans arrive as identity.read, then check in', async () => {
    core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'id-core-')), host: 'web', version: 't', trainingMode: true, probes: [] });
    const reads: IdentityRead[] = [];
    core.bus.on('identity.read', (r) => void reads.push(r));
    await expect.poll(async () => {
      const r = await core?.call('devices.list', { refresh: true });
      return r?.ok ? r.value : [];
    }).toEqual([expect.objectContaining({ id: 'qr:training', kind: 'qr', simulated: true, status: 'ready' })]);
    expect(await core.call('identity.trainingScan', { sample: 'bhyt' })).toMatchObject({ ok: true });
    expect(reads[0]).toMatchObject({ identity: { kind: 'bhyt-qr', insurance: { cardNumber: 'DN4790123456789' } }, source: { deviceId: 'qr:training', simulated: true } });
    const checkIn = await core.call('health.checkIn', { identity: reads[0]?.identity, source: reads[0]?.source });
    // No card-check service configured: recorded, card check pending (the offline path).
    expect(checkIn).toMatchObject({ ok: true, value: { queueNumber: 1, card: { status: 'pending', resultCode: 'CARD_CHECK_NOT_CONFIGURED' } } });
  });

  it('identity.submit (keyboard wedge) announces the read; bad text is a coded error', async () => {
    core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'id-core-')), host: 'cli', version: 't', probes: [] });
    const events: string[] = [];
    core.bus.subscribe((e) => events.push(e));
    const r = await core.call('identity.submit', { text: 'IDVNM0900123450001090012345<<1\n9001011M3001019VNM<<<<<<<<<<<2\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<' });
    expect(r).toMatchObject({ ok: true, value: { identity: { kind: 'mrz-td1', idNumber: '001090012345' }, source: { driver: 'wedge' } } });
    expect(events).toContain('identity.read');
    expect(await core.call('identity.parse', { text: '001090012345|x' })).toMatchObject({ ok: false, error: { code: 'CCCD_FIELD_COUNT' } });
    expect(await core.call('identity.trainingScan', { sample: 'cccd' })).toMatchObject({ ok: false, error: { code: 'IDENTITY_NOT_TRAINING' } });
  });

  it('`counter id parse … --json` prints exactly the identity; invalid input exits 1 with {"error":{code,message}}', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    const dataDir = mkdtempSync(join(tmpdir(), 'id-cli-'));
    const ok = await runCli(['id', 'parse', '001090012345||NGUYỄN VĂN AN|1990|Nam||01072021', '--json', '--data-dir', dataDir]);
    expect(ok).toBe(0);
    expect(JSON.parse(out[0] as string)).toEqual({ kind: 'cccd-qr', idNumber: '001090012345', fullName: 'NGUYỄN VĂN AN', dateOfBirth: '1990', sex: 'M', issueDate: '2021-07-01', warnings: [] });
    const bad = await runCli(['id', 'parse', '001090012345||NGUYỄN VĂN AN|31021990|Nam||01072021', '--json', '--data-dir', dataDir]);
    expect(bad).toBe(1);
    expect(JSON.parse(out[1] as string)).toMatchObject({ error: { code: 'CCCD_DATE_INVALID', message: expect.stringContaining('không hợp lệ') } });
  });
});
