import { randomBytes } from 'node:crypto';
import { chmodSync, statSync } from 'node:fs';
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
}

export const KEY_BYTES = 32;

/** A raw key in `<dataDir>/blob.key`, readable only by the owner. */
export function fileKeyProvider(dataDir: string, fileName = 'blob.key'): KeyProvider {
  const path = join(dataDir, fileName);
  let cached: Buffer | undefined;
  return {
    kind: 'file',
    getKey() {
      if (cached) return cached;
      let key = readFileIfExists(path);
      if (!key) {
        key = randomBytes(KEY_BYTES);
        writeFileAtomic(path, key, 0o600);
      } else if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
        chmodSync(path, 0o600);
      }
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
        key = randomBytes(KEY_BYTES);
        writeFileAtomic(path, wrap(key), 0o600);
      }
      if (key.length !== KEY_BYTES) throw StoreErrors.raise('BLOB_KEY_INVALID', { path, length: key.length });
      cached = key;
      return key;
    },
  };
}
