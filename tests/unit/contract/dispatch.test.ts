import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';

const core = () => createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-')), host: 'cli', version: '9.9.9', probes: [] });

describe('dispatch over the contract', () => {
  it('answers app.info with the configured version and host', async () => {
    const r = await core().call('app.info', {});
    expect(r.ok && r.value).toMatchObject({ version: '9.9.9', host: 'cli', trainingMode: false });
  });

  it('rejects an unknown method with a coded, bilingual error', async () => {
    const r = await core().call('nope.nothing', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    if (!r.ok) expect(r.error.message.vi).toMatch(/Không/);
  });

  it('validates input against the schema before the handler runs', async () => {
    const r = await core().call('settings.set', { ui: { language: 'fr' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('persists settings across a restart of the core', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-'));
    const a = createCore({ dataDir, host: 'cli', version: '1', probes: [] });
    await a.call('settings.set', { agency: { code: '000.00.31.H42', name: 'UBND xã Tân Lập' } });
    const b = createCore({ dataDir, host: 'cli', version: '1', probes: [] });
    const r = await b.call('settings.get', {});
    expect(r.ok && r.value).toMatchObject({ agency: { code: '000.00.31.H42', name: 'UBND xã Tân Lập', counterId: '01' } });
  });

  it('emits settings.changed to subscribers', async () => {
    const c = core();
    const seen: string[] = [];
    c.bus.subscribe((e) => seen.push(e));
    await c.call('settings.set', { ui: { language: 'en' } });
    expect(seen).toContain('settings.changed');
  });
});
