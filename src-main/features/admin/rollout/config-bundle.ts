import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash, randomBytes, scryptSync, createCipheriv, createDecipheriv, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import { ConfigBundle } from '../../../contract/admin.ts';
import { RolloutErrors } from '../../../contract/admin.ts';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/**
 * The district key file: PKCS#8 sealed with scrypt (N=2^17, r=8, p=1) and AES-256-GCM. Node's own
 * encrypted PKCS#8 derives its key with PBKDF2 and 2048 rounds, which a GPU guesses through quickly.
 */
const KEY_ARMOR = 'COUNTER DISTRICT KEY';
const KEY_KDF = { N: 1 << 17, r: 8, p: 1 };
const kdfMemory = (k: { N: number; r: number; p: number }) => 128 * k.N * k.r * k.p + 32 * 1024 * 1024;

export function sealPrivateKey(privateKey: KeyObject, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, { ...KEY_KDF, maxmem: kdfMemory(KEY_KDF) });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  const sealed = { kdf: 'scrypt', ...KEY_KDF, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  const body = Buffer.from(JSON.stringify(sealed)).toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN ${KEY_ARMOR}-----\n${body}\n-----END ${KEY_ARMOR}-----\n`;
}

/** Opens a district key file: the sealed format, or an older passphrase-encrypted PKCS#8 PEM. */
export function openPrivateKey(text: string, passphrase: string): KeyObject {
  try {
    const m = new RegExp(`-----BEGIN ${KEY_ARMOR}-----([\\s\\S]+?)-----END ${KEY_ARMOR}-----`).exec(text);
    if (!m) return createPrivateKey({ key: text, passphrase });
    const s = JSON.parse(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('utf8')) as Record<string, string | number>;
    const kdf = { N: Number(s.N), r: Number(s.r), p: Number(s.p) };
    if (s.kdf !== 'scrypt' || s.cipher !== 'aes-256-gcm' || kdf.N > 1 << 20 || kdf.r > 32 || kdf.p > 4) throw new Error('unknown key format');
    const key = scryptSync(passphrase, Buffer.from(String(s.salt), 'base64'), 32, { ...kdf, maxmem: kdfMemory(kdf) });
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(String(s.iv), 'base64'));
    decipher.setAuthTag(Buffer.from(String(s.tag), 'base64'));
    const der = Buffer.concat([decipher.update(Buffer.from(String(s.data), 'base64')), decipher.final()]);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw RolloutErrors.raise('ROLLOUT_BAD_KEY');
  }
}

export function generateDistrictKey(passphrase: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return { privateKeyPem: sealPrivateKey(privateKey, passphrase), publicKeyPem, fingerprint: keyFingerprint(publicKeyPem) };
}

export function encryptSecrets(values: Record<string, string>, passphrase: string) {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = scryptSync(passphrase, salt, 32, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
  return { alg: 'scrypt-aes-256-gcm' as const, salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function decryptSecrets(blob: NonNullable<ConfigBundle['secrets']>, passphrase: string): Record<string, string> {
  try {
    const key = scryptSync(passphrase, Buffer.from(blob.salt, 'base64'), 32, SCRYPT);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(blob.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(blob.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(blob.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Record<string, string>;
  } catch {
    throw RolloutErrors.raise('ROLLOUT_BAD_PASSPHRASE');
  }
}

type Unsigned = Omit<ConfigBundle, 'signature'>;

export function signBundle(body: Unsigned, privateKeyPem: string, keyPassphrase: string): ConfigBundle {
  const key = openPrivateKey(privateKeyPem, keyPassphrase);
  const publicKeyPem = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const value = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  return { ...body, signature: { alg: 'ed25519', publicKey: publicKeyPem, fingerprint: keyFingerprint(publicKeyPem), value } };
}

/** Parses and checks the signature; trust in the key itself is the caller's decision. */
export function verifyBundle(raw: unknown): ConfigBundle {
  const parsed = ConfigBundle.safeParse(raw);
  if (!parsed.success) throw RolloutErrors.raise('ROLLOUT_BAD_FILE');
  const { signature, ...body } = parsed.data;
  let ok = false;
  try {
    ok = verify(null, Buffer.from(canonicalJson(body)), createPublicKey(signature.publicKey), Buffer.from(signature.value, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok || keyFingerprint(signature.publicKey) !== signature.fingerprint) throw RolloutErrors.raise('ROLLOUT_BAD_SIGNATURE');
  if (body.nextKey && !sameFingerprint(body.nextKey.publicKey, body.nextKey.fingerprint)) throw RolloutErrors.raise('ROLLOUT_BAD_SIGNATURE');
  return parsed.data;
}

function sameFingerprint(publicKeyPem: string, fingerprint: string): boolean {
  try {
    return keyFingerprint(publicKeyPem) === fingerprint;
  } catch {
    return false;
  }
}
