import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { StoreErrors } from '../store-errors.ts';

/**
 * A backup file sealed with AES-256-GCM: `MAGIC(8) | nonce(12) | ciphertext | tag(16)`, the magic as
 * additional data. Encryption keeps personal data out of a copied file; the tag makes any edit (a
 * deleted audit row, a renamed applicant) or a file sealed with another agency's key fail as a whole.
 */
const MAGIC = Buffer.from('OSCBAK01');
const NONCE = 12;
const TAG = 16;
const CHUNK = 1 << 20;
export const BACKUP_KEY_PURPOSE = 'backup-v1';

export function sealFile(plainPath: string, sealedPath: string, key: Buffer): void {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(MAGIC);
  const src = openSync(plainPath, 'r');
  const dst = openSync(sealedPath, 'wx', 0o600);
  try {
    writeSync(dst, MAGIC);
    writeSync(dst, nonce);
    const buf = Buffer.alloc(CHUNK);
    for (let n; (n = readSync(src, buf, 0, CHUNK, null)) > 0; ) writeSync(dst, cipher.update(buf.subarray(0, n)));
    writeSync(dst, cipher.final());
    writeSync(dst, cipher.getAuthTag());
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

/**
 * Decrypts a sealed backup into `plainPath` (0600). The plaintext is only trusted once the tag has
 * been checked at the end; on any failure the partial output is removed and BACKUP_NOT_SEALED raised.
 */
export function openSealedFile(sealedPath: string, plainPath: string, key: Buffer): void {
  const src = openSync(sealedPath, 'r');
  let dst: number | undefined;
  try {
    const size = fstatSync(src).size;
    const head = Buffer.alloc(MAGIC.length + NONCE);
    if (size < head.length + TAG || readSync(src, head, 0, head.length, 0) !== head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw StoreErrors.raise('BACKUP_NOT_SEALED', { file: sealedPath });
    }
    const tag = Buffer.alloc(TAG);
    readSync(src, tag, 0, TAG, size - TAG);
    const decipher = createDecipheriv('aes-256-gcm', key, head.subarray(MAGIC.length)).setAAD(MAGIC);
    decipher.setAuthTag(tag);
    dst = openSync(plainPath, 'w', 0o600);
    const buf = Buffer.alloc(CHUNK);
    for (let pos = head.length, end = size - TAG; pos < end; ) {
      const n = readSync(src, buf, 0, Math.min(CHUNK, end - pos), pos);
      if (n <= 0) break;
      writeSync(dst, decipher.update(buf.subarray(0, n)));
      pos += n;
    }
    try {
      writeSync(dst, decipher.final());
    } catch {
      throw StoreErrors.raise('BACKUP_NOT_SEALED', { file: sealedPath });
    }
  } catch (err) {
    if (dst !== undefined) closeSync(dst);
    dst = undefined;
    rmSync(plainPath, { force: true });
    throw err;
  } finally {
    if (dst !== undefined) closeSync(dst);
    closeSync(src);
  }
}
