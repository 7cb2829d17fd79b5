import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProvider } from './blobs/key-provider.ts';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';

/**
 * A small file of personal or secret data, AES-256-GCM under the store key, written atomically.
 * Layout: 12-byte IV, 16-byte tag, ciphertext. Returns undefined when the file does not exist;
 * throws when it exists but cannot be authenticated (damaged, or another key).
 */
export function readEncryptedFile(path: string, keys: KeyProvider): Buffer | undefined {
  const raw = readFileIfExists(path);
  if (!raw) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', keys.getKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}

export function writeEncryptedFile(path: string, keys: KeyProvider, plain: Buffer | string): void {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.getKey(), iv);
  const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
  writeFileAtomic(path, Buffer.concat([iv, cipher.getAuthTag(), body]), 0o600);
}
