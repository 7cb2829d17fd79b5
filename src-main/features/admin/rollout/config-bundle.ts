import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash, randomBytes, scryptSync, createCipheriv, createDecipheriv } from 'node:crypto';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import { ConfigBundle } from '../../../contract/admin.ts';
import { RolloutErrors } from '../../../contract/admin.ts';

const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function generateDistrictKey(passphrase: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString(),
    publicKeyPem,
    fingerprint: keyFingerprint(publicKeyPem),
  };
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
  let key;
  try {
    key = createPrivateKey({ key: privateKeyPem, passphrase: keyPassphrase });
  } catch {
    throw RolloutErrors.raise('ROLLOUT_BAD_KEY');
  }
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
  return parsed.data;
}
