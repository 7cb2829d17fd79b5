import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { Envelope } from '../../../src-main/contract/bridge.ts';

/** The training core with its real simulators: reference server over HTTP, in-process chip, printers. */
describe('training mode simulators', () => {
  let core: Core;
  let dataDir: string;
  const call = async <T = unknown>(method: string, input: unknown = {}): Promise<T> => {
    const env: Envelope = await core.call(method, input);
    if (!env.ok) throw Object.assign(new Error(env.error.code), { code: env.error.code });
    return env.value as T;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'osc-training-'));
    core = createCore({ dataDir, host: 'web', version: 'test', trainingMode: true });
  });
  afterAll(async () => core?.close());

  it('points the server settings at the embedded reference server, with the secret stored', async () => {
    const status = await call<{ online: boolean; serverUrl: string }>('training.status');
    expect(status.online).toBe(true);
    const settings = await call<{ server: { url: string; clientId: string } }>('settings.get');
    expect(settings.server).toEqual({ url: status.serverUrl, clientId: 'counter-demo' });
    expect(settings.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/onestop\/v1$/);
    const health = await fetch(`${status.serverUrl}/health`);
    expect(health.status).toBe(200);
    expect(await call('secrets.status')).toContainEqual({ name: 'server.clientSecret', set: true });
  });

  it('takes the network down (connections refused) and back on the same address', async () => {
    const { serverUrl } = await call<{ serverUrl: string }>('training.status');
    const down = await call<{ online: boolean }>('training.network', { online: false });
    expect(down.online).toBe(false);
    await expect(fetch(`${serverUrl}/health`)).rejects.toThrow();
    const up = await call<{ online: boolean; serverUrl: string }>('training.network', { online: true });
    expect(up).toMatchObject({ online: true, serverUrl });
    expect((await fetch(`${serverUrl}/health`)).status).toBe(200);
  });

  it('reads a tapped sample card over the simulated reader: DG13 identity, face, passive authentication valid', async () => {
    const events: unknown[] = [];
    const off = core.bus.subscribe((event, payload) => event === 'card.read' && events.push(payload));
    const r = await call<{ identity: { fullName: string; idNumber: string; sex: string }; face?: { mime: string }; authenticity: { result: string }; access: string }>('training.tapCard', { sample: 'binh' });
    off();
    expect(r.identity).toMatchObject({ fullName: 'Trần Thị Bình', idNumber: '079185004321', sex: 'F' });
    expect(r.face?.mime).toBe('image/jpeg');
    expect(r.authenticity.result).toBe('valid');
    expect(r.access).toBe('pace');
    expect(events).toHaveLength(1);
    expect(existsSync(join(dataDir, 'csca', 'training-csca.der'))).toBe(true);
  });

  it('lists the simulated devices as simulated, and prints system jobs to PDF files in the training folder', async () => {
    const devices = await call<Array<{ id: string; kind: string; simulated: boolean; driver: string }>>('devices.list', { refresh: true });
    const sims = devices.filter((d) => d.simulated).map((d) => d.driver);
    expect(sims).toEqual(expect.arrayContaining(['training-pdf', 'escpos-sim', 'virtual-chip']));
    expect(devices.filter((d) => d.kind === 'printer').every((d) => d.simulated)).toBe(true);
    const printers = await call<Array<{ name: string }>>('print.printers.list');
    expect(printers.map((p) => p.name)).toEqual(['Máy in giả lập (PDF, đào tạo)']);
    await call('print.test', { printer: printers[0]!.name });
    const pdfs = readdirSync(join(dataDir, 'training-prints')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(1);
  });

  it('answers TRAINING_ONLY outside training mode', async () => {
    const plain = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-plain-')), host: 'cli', version: 'test' });
    try {
      const env = await plain.call('training.tapCard', {});
      expect(env.ok ? undefined : env.error.code).toBe('TRAINING_ONLY');
    } finally {
      await plain.close();
    }
  });
});
