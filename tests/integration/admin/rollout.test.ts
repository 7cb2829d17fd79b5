import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import { runSync } from '../../support/children.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const profile = () => createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-rollout-')), host: 'cli', version: '1', probes: [] });

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.value as T;
}

async function districtProfile() {
  const a = profile();
  await ok(a, 'settings.set', {
    agency: { name: 'UBND xã Tân Lập', code: '000.00.31.H42', counterId: '07' },
    server: { url: 'https://motcua.example.gov.vn', clientId: 'tanlap' },
    ui: { language: 'en' },
  });
  await ok(a, 'secrets.set', { name: 'server.clientSecret', value: 'very-secret-value' });
  const key = await ok<{ privateKeyPem: string; fingerprint: string }>(a, 'config.keygen', { passphrase: 'district-pass-123' });
  const bundle = await ok<Record<string, unknown>>(a, 'config.export', {
    privateKeyPem: key.privateKeyPem,
    keyPassphrase: 'district-pass-123',
    secretsPassphrase: 'commune-pass-456',
    issuer: 'Phòng CNTT huyện',
  });
  return { a, key, bundle };
}

describe('rollout: signed configuration export and import', () => {
  it('reproduces the configuration on a fresh profile once the key is confirmed; secrets never in clear text', async () => {
    const { a, key, bundle } = await districtProfile();
    expect(JSON.stringify(bundle)).not.toContain('very-secret-value');
    expect(JSON.stringify(bundle)).not.toContain('"counterId"');

    const b = profile();
    const refused = await b.call('config.import', { bundle, secretsPassphrase: 'commune-pass-456' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ROLLOUT_UNTRUSTED_KEY', details: { fingerprint: key.fingerprint } } });

    const result = await ok<{ secrets: string[] }>(b, 'config.import', { bundle, secretsPassphrase: 'commune-pass-456', trustFingerprint: key.fingerprint });
    expect(result.secrets).toEqual(['server.clientSecret']);
    const sa = await ok<Record<string, Record<string, unknown>>>(a, 'settings.get', {});
    const sb = await ok<Record<string, Record<string, unknown>>>(b, 'settings.get', {});
    expect({ ...sb, agency: { ...sb.agency, counterId: '07' }, rollout: sa.rollout }).toEqual(sa);
    expect(sb.agency?.counterId).toBe('01');
    expect(await ok(b, 'secrets.status', {})).toContainEqual({ name: 'server.clientSecret', set: true });

    // Once trusted, the next file from the same district needs no confirmation; the same file again is a replay.
    expect(await b.call('config.import', { bundle })).toMatchObject({ ok: false, error: { code: 'ROLLOUT_REPLAY' } });
    const next = await ok(a, 'config.export', { privateKeyPem: key.privateKeyPem, keyPassphrase: 'district-pass-123', issuer: 'Phòng CNTT huyện' });
    expect((await b.call('config.import', { bundle: next })).ok).toBe(true);
  });

  it('rejects a file changed after signing', async () => {
    const { key, bundle } = await districtProfile();
    const tampered = structuredClone(bundle) as { settings: { server: { url: string } } };
    tampered.settings.server.url = 'https://attacker.example';
    const r = await profile().call('config.import', { bundle: tampered, trustFingerprint: key.fingerprint });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROLLOUT_BAD_SIGNATURE' } });
  });

  it('leaves the configuration untouched when the secrets passphrase is wrong', async () => {
    const { key, bundle } = await districtProfile();
    const b = profile();
    const before = await ok(b, 'settings.get', {});
    const r = await b.call('config.import', { bundle, secretsPassphrase: 'wrong-pass', trustFingerprint: key.fingerprint });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROLLOUT_BAD_PASSPHRASE' } });
    expect(await ok(b, 'settings.get', {})).toEqual(before);
  });

  it('rejects garbage, and a wrong district key passphrase on export', async () => {
    const b = profile();
    expect(await b.call('config.import', { bundle: { hello: 1 } })).toMatchObject({ ok: false, error: { code: 'ROLLOUT_BAD_FILE' } });
    const { a, key } = await districtProfile();
    const r = await a.call('config.export', { privateKeyPem: key.privateKeyPem, keyPassphrase: 'nope-nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROLLOUT_BAD_KEY' } });
  });

  it('works end to end through the counter CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-cli-rollout-'));
    const env = { ...process.env, COUNTER_KEY_PASSPHRASE: 'district-pass-123', COUNTER_SECRETS_PASSPHRASE: 'commune-pass-456', COUNTER_SECRET_VALUE: 's3cret-abc' };
    const cli = (dataDir: string, ...args: string[]) =>
      runSync(process.execPath, [join(ROOT, 'src-main/launch/counter.mjs'), ...args, '--data-dir', dataDir, '--json'], { env, timeout: 60_000 }).stdout;
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    cli(a, 'secrets', 'set', 'server.clientSecret');
    const { fingerprint } = JSON.parse(cli(a, 'config', 'keygen', '--out-dir', join(dir, 'keys')));
    cli(a, 'config', 'export', '--key', join(dir, 'keys', 'district-key.pem'), '--out', join(dir, 'bundle.json'));
    expect(readFileSync(join(dir, 'bundle.json'), 'utf8')).not.toContain('s3cret-abc');
    const refused = runSync(process.execPath, [join(ROOT, 'src-main/launch/counter.mjs'), 'config', 'import', join(dir, 'bundle.json'), '--data-dir', b, '--json'], { env, timeout: 60_000, allowFailure: true });
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('ROLLOUT_UNTRUSTED_KEY');
    const applied = JSON.parse(cli(b, 'config', 'import', join(dir, 'bundle.json'), '--trust', fingerprint));
    expect(applied.secrets).toEqual(['server.clientSecret']);
  }, 180_000);
});
