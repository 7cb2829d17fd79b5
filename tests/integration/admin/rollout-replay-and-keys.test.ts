import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import { openPrivateKey } from '../../../src-main/features/admin/rollout/config-bundle.ts';

const PASS = 'district-pass-123';
const profile = () => createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-rollout2-')), host: 'cli', version: '1', probes: [] });

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.value as T;
}
const codeOf = async (core: Core, method: string, input: unknown) => {
  const r = await core.call(method, input);
  return r.ok ? 'ok' : r.error.code;
};

type Key = { privateKeyPem: string; publicKeyPem: string; fingerprint: string };

async function exportWith(core: Core, key: Key, extra: Record<string, unknown> = {}) {
  return ok<Record<string, unknown> & { sequence?: number }>(core, 'config.export', { privateKeyPem: key.privateKeyPem, keyPassphrase: PASS, issuer: 'Phòng CNTT huyện', ...extra });
}

// Each scrypt-sealed key costs a real KDF run (N=2^17): two keys serve every test.
let district: Core;
let k1: Key;
let k2: Key;
beforeAll(async () => {
  district = profile();
  k1 = await ok<Key>(district, 'config.keygen', { passphrase: PASS });
  k2 = await ok<Key>(district, 'config.keygen', { passphrase: PASS });
}, 120_000);

describe('rollout files: replay and key change', () => {
  it('refuses an older signed file (and the same file twice) as a replay', async () => {
    const key = k1;
    await ok(district, 'settings.set', { server: { url: 'https://old.example.gov.vn' } });
    const older = await exportWith(district, key);
    await ok(district, 'settings.set', { server: { url: 'https://new.example.gov.vn' } });
    const newer = await exportWith(district, key);
    expect(newer.sequence).toBeGreaterThan(older.sequence!);

    const commune = profile();
    await ok(commune, 'config.import', { bundle: newer, trustFingerprint: key.fingerprint });
    const r = await commune.call('config.import', { bundle: older });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROLLOUT_REPLAY' } });
    expect(r.ok ? '' : r.error.message.vi).toMatch(/cũ hơn/);
    expect(await codeOf(commune, 'config.import', { bundle: newer })).toBe('ROLLOUT_REPLAY');
    const s = await ok<{ server: { url: string } }>(commune, 'settings.get', {});
    expect(s.server.url).toBe('https://new.example.gov.vn');
  });

  it('a file signed by another key gets no trust prompt once a key is trusted', async () => {
    const commune = profile();
    await ok(commune, 'config.import', { bundle: await exportWith(district, k1), trustFingerprint: k1.fingerprint });
    expect(await codeOf(commune, 'config.import', { bundle: await exportWith(district, k2), trustFingerprint: k2.fingerprint })).toBe('ROLLOUT_KEY_CHANGE_REFUSED');
    // settings.set cannot slip a key in either.
    await commune.call('settings.set', { rollout: { trustedKeys: [k2.fingerprint] } });
    const s = await ok<{ rollout: { trustedKeys: string[] } }>(commune, 'settings.get', {});
    expect(s.rollout.trustedKeys).toEqual([k1.fingerprint]);
  });

  it('changes the trusted key only through a file signed by the old key', async () => {
    const commune = profile();
    await ok(commune, 'config.import', { bundle: await exportWith(district, k1), trustFingerprint: k1.fingerprint });
    const handover = await exportWith(district, k1, { nextPublicKeyPem: k2.publicKeyPem });
    await ok(commune, 'config.import', { bundle: handover });
    const s = await ok<{ rollout: { trustedKeys: string[] } }>(commune, 'settings.get', {});
    expect(s.rollout.trustedKeys).toEqual([k2.fingerprint]);
    expect(await codeOf(commune, 'config.import', { bundle: await exportWith(district, k2) })).toBe('ok');
    expect(await codeOf(commune, 'config.import', { bundle: await exportWith(district, k1) })).toBe('ROLLOUT_KEY_CHANGE_REFUSED');
  });

  it('a handover naming a key with a forged fingerprint is refused', async () => {
    const commune = profile();
    await ok(commune, 'config.import', { bundle: await exportWith(district, k1), trustFingerprint: k1.fingerprint });
    const handover = await exportWith(district, k1, { nextPublicKeyPem: k2.publicKeyPem });
    const forged = { ...handover, nextKey: { ...(handover.nextKey as object), fingerprint: k1.fingerprint } };
    expect(await codeOf(commune, 'config.import', { bundle: forged })).toBe('ROLLOUT_BAD_SIGNATURE');
  });
});

describe('district key at rest', () => {
  it('is sealed with scrypt at current strength, not PBKDF2 with 2048 rounds', async () => {
    const key = k1;
    expect(key.privateKeyPem).toMatch(/^-----BEGIN COUNTER DISTRICT KEY-----/);
    const sealed = JSON.parse(Buffer.from(key.privateKeyPem.split('\n').slice(1, -2).join(''), 'base64').toString('utf8'));
    expect(sealed).toMatchObject({ kdf: 'scrypt', cipher: 'aes-256-gcm' });
    expect(sealed.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(sealed.r).toBeGreaterThanOrEqual(8);
    expect(() => openPrivateKey(key.privateKeyPem, 'wrong passphrase')).toThrow(/ROLLOUT_BAD_KEY/);
  });

  it('still signs with a key file of the old format (PKCS#8 encrypted with a passphrase)', async () => {
    const legacy = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS }).toString();
    const bundle = await exportWith(profile(), { privateKeyPem: legacy, publicKeyPem: '', fingerprint: '' });
    expect((bundle.signature as { alg: string }).alg).toBe('ed25519');
  });
});
