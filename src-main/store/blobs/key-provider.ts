import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../atomic-file.ts';
import { StoreErrors } from '../store-errors.ts';

/**
 * Supplies the 32-byte key that encrypts blobs at rest. The web host and the CLI use a 0600 key file
 * in the data folder; Electron passes a provider backed by the OS key store (`safeStorage`).
 */
export interface KeyProvider {
  readonly kind: string;
  /** Returns the key, creating and persisting one on first use. */
  getKey(): Buffer;
  /** Whether a key is already persisted; the store refuses to create a new one over existing data. */
  exists?(): boolean;
}

export const KEY_BYTES = 32;

/** A raw key in `<dataDir>/blob.key`, readable only by the owner. */
export function fileKeyProvider(dataDir: string, fileName = 'blob.key'): KeyProvider {
  const path = join(dataDir, fileName);
  let cached: Buffer | undefined;
  return {
    kind: 'file',
    exists: () => existsSync(path),
    getKey() {
      if (cached) return cached;
      const key = readFileIfExists(path) ?? createKeyOnce(path, randomBytes(KEY_BYTES), (k) => k);
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      if (key.length !== KEY_BYTES) throw StoreErrors.raise('BLOB_KEY_INVALID', { path, length: key.length });
      cached = key;
      return key;
    },
  };
}

/**
 * A key kept wrapped by some OS facility (Electron safeStorage, DPAPI…): the wrapped bytes live in a
 * file; `wrap`/`unwrap` are the facility's encrypt/decrypt.
 */
export function wrappedKeyProvider(
  dataDir: string,
  kind: string,
  wrap: (key: Buffer) => Buffer,
  unwrap: (wrapped: Buffer) => Buffer,
  fileName = 'blob.key.wrapped',
): KeyProvider {
  const path = join(dataDir, fileName);
  let cached: Buffer | undefined;
  return {
    kind,
    exists: () => existsSync(path),
    getKey() {
      if (cached) return cached;
      const wrapped = readFileIfExists(path);
      let key: Buffer;
      if (wrapped) {
        try {
          key = unwrap(wrapped);
        } catch (err) {
          throw StoreErrors.raise('BLOB_KEY_INVALID', { path, reason: String(err) });
        }
      } else {
        key = createKeyOnce(path, wrap(randomBytes(KEY_BYTES)), unwrap);
      }
      if (key.length !== KEY_BYTES) throw StoreErrors.raise('BLOB_KEY_INVALID', { path, length: key.length });
      cached = key;
      return key;
    },
  };
}

/**
 * Persists a new key file unless another process created one first (two processes starting on a
 * new folder at once), and returns the key that is on disk: written completely under a temp name,
 * then hard-linked into place, which fails rather than replaces when the file already exists.
 */
function createKeyOnce(path: string, bytes: Buffer, decode: (stored: Buffer) => Buffer): Buffer {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.new`;
  writeFileAtomic(tmp, bytes, 0o600);
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  return decode(readFileSync(path));
}
