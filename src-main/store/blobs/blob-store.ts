import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-file.ts';
import { StoreErrors } from '../store-errors.ts';
import type { KeyProvider } from './key-provider.ts';

/**
 * Page images and PDFs, content-addressed by the SHA-256 of their plaintext and encrypted at rest
 * with AES-256-GCM. File layout: `MAGIC(4) | nonce(12) | tag(16) | ciphertext`. The hash is also the
 * GCM additional data, so a file renamed to another hash fails authentication. Reads verify both the
 * GCM tag and the plaintext hash, so any flipped bit is reported as BLOB_CORRUPT, never returned.
 */
const MAGIC = Buffer.from('OSC1');
const NONCE = 12;
const TAG = 16;
const HASH = /^[0-9a-f]{64}$/;

export interface BlobRef {
  sha256: string;
  size: number;
}

export class BlobStore {
  constructor(
    readonly dir: string,
    private readonly keys: KeyProvider,
  ) {}

  /** A key for another purpose (sealing backups), derived from the blob key so both go together. */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.keys.getKey(), Buffer.alloc(0), `one-stop-counter/${purpose}`, 32));
  }

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw StoreErrors.raise('BLOB_HASH_INVALID', { sha256 });
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Stores bytes (idempotent: the same content is written once) and returns their address. */
  put(bytes: Uint8Array): BlobRef {
    const sha256 = BlobStore.sha256(bytes);
    const path = this.pathOf(sha256);
    if (!existsSync(path)) this.write(path, this.seal(sha256, bytes));
    return { sha256, size: bytes.length };
  }

  /** An atomic write that, when the disk refuses it, leaves no partial temp file of this blob behind. */
  private write(path: string, sealed: Buffer): void {
    try {
      writeFileAtomic(path, sealed);
    } catch (err) {
      const name = basename(path);
      try {
        for (const f of readdirSync(dirname(path))) if (f.startsWith(`.${name}.`) && f.endsWith('.tmp')) rmSync(join(dirname(path), f), { force: true });
      } catch {
        // The folder itself could not be read: nothing of ours to remove.
      }
      throw err;
    }
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  get(sha256: string): Buffer {
    const path = this.pathOf(sha256);
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch {
      throw StoreErrors.raise('BLOB_NOT_FOUND', { sha256 });
    }
    return this.open(sha256, file);
  }

  /** Reads and verifies without returning the bytes (for a full check of the store). */
  verify(sha256: string): boolean {
    try {
      this.get(sha256);
      return true;
    } catch {
      return false;
    }
  }

  /** The encrypted file as stored, for backups (they stay encrypted). */
  readSealed(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }

  /** Writes an encrypted file from a backup, after checking it decrypts to its hash. */
  putSealed(sha256: string, sealed: Buffer): void {
    this.open(sha256, sealed);
    const path = this.pathOf(sha256);
    if (!existsSync(path)) this.write(path, sealed);
  }

  delete(sha256: string): void {
    const path = this.pathOf(sha256);
    if (existsSync(path)) unlinkSync(path);
  }

  list(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((d) => /^[0-9a-f]{2}$/.test(d) && statSync(join(this.dir, d)).isDirectory())
      .flatMap((d) => readdirSync(join(this.dir, d)).filter((f) => HASH.test(f)));
  }

  private seal(sha256: string, bytes: Uint8Array): Buffer {
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.keys.getKey(), nonce);
    cipher.setAAD(Buffer.from(sha256, 'ascii'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    return Buffer.concat([MAGIC, nonce, cipher.getAuthTag(), body]);
  }

  private open(sha256: string, file: Buffer): Buffer {
    if (file.length < MAGIC.length + NONCE + TAG || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw StoreErrors.raise('BLOB_CORRUPT', { sha256, reason: 'header' });
    }
    const nonce = file.subarray(MAGIC.length, MAGIC.length + NONCE);
    const tag = file.subarray(MAGIC.length + NONCE, MAGIC.length + NONCE + TAG);
    const body = file.subarray(MAGIC.length + NONCE + TAG);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keys.getKey(), nonce);
      decipher.setAAD(Buffer.from(sha256, 'ascii'));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw StoreErrors.raise('BLOB_CORRUPT', { sha256, reason: 'authentication' });
    }
    if (BlobStore.sha256(plain) !== sha256) throw StoreErrors.raise('BLOB_CORRUPT', { sha256, reason: 'hash' });
    return plain;
  }
}
