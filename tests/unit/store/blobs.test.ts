import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { BlobStore } from '../../../src-main/store/blobs/blob-store.ts';
import { fileKeyProvider } from '../../../src-main/store/blobs/key-provider.ts';
import { tempDir } from './helpers.ts';

function blobStore() {
  const t = tempDir('blobs-');
  return { ...t, blobs: new BlobStore(join(t.dir, 'blobs'), fileKeyProvider(t.dir)) };
}

describe('blob store', () => {
  it('round-trips any bytes, addressed by the SHA-256 of the plaintext', () => {
    const { blobs, cleanup } = blobStore();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const ref = blobs.put(bytes);
        expect(ref.sha256).toBe(BlobStore.sha256(bytes));
        expect(ref.size).toBe(bytes.length);
        expect(blobs.has(ref.sha256)).toBe(true);
        expect(Buffer.compare(blobs.get(ref.sha256), Buffer.from(bytes))).toBe(0);
      }),
      { numRuns: 60 },
    );
    cleanup();
  });

  it('encrypts at rest and leaves no temp files', () => {
    const { blobs, dir, cleanup } = blobStore();
    const plain = Buffer.from('Nguyễn Văn An, CCCD 001085012345 '.repeat(20));
    const ref = blobs.put(plain);
    const file = readFileSync(blobs.pathOf(ref.sha256));
    expect(file.includes(Buffer.from('001085012345'))).toBe(false);
    expect(readdirSync(dirname(blobs.pathOf(ref.sha256)))).toEqual([ref.sha256]);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'blob.key')).mode & 0o777).toBe(0o600);
    blobs.put(plain); // idempotent
    expect(blobs.list()).toEqual([ref.sha256]);
    cleanup();
  });

  it('reports every single flipped byte as BLOB_CORRUPT', () => {
    const { blobs, cleanup } = blobStore();
    const ref = blobs.put(Buffer.from('page image'));
    const path = blobs.pathOf(ref.sha256);
    const good = readFileSync(path);
    for (let i = 0; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i]! ^= 0x01;
      writeFileSync(path, bad);
      expect(() => blobs.get(ref.sha256), `byte ${i}`).toThrow(/BLOB_CORRUPT/);
      expect(blobs.verify(ref.sha256)).toBe(false);
    }
    writeFileSync(path, good.subarray(0, 20));
    expect(() => blobs.get(ref.sha256)).toThrow(/BLOB_CORRUPT/);
    writeFileSync(path, good);
    expect(blobs.get(ref.sha256).toString()).toBe('page image');
    cleanup();
  });

  it('detects a file swapped under another hash, a wrong key, a missing file and a bad hash', () => {
    const { blobs, dir, cleanup } = blobStore();
    const a = blobs.put(Buffer.from('a'));
    const b = blobs.put(Buffer.from('b'));
    renameSync(blobs.pathOf(a.sha256), blobs.pathOf(b.sha256));
    expect(() => blobs.get(b.sha256)).toThrow(/BLOB_CORRUPT/);
    expect(() => blobs.get(a.sha256)).toThrow(/BLOB_NOT_FOUND/);
    const c = blobs.put(Buffer.from('c'));
    const otherKey = new BlobStore(blobs.dir, fileKeyProvider(dir, 'other.key'));
    expect(() => otherKey.get(c.sha256)).toThrow(/BLOB_CORRUPT/);
    expect(() => blobs.get('../../etc/passwd')).toThrow(/BLOB_HASH_INVALID/);
    expect(existsSync(join(dir, 'other.key'))).toBe(true);
    cleanup();
  });

  it('refuses a key file of the wrong length', () => {
    const t = tempDir();
    writeFileSync(join(t.dir, 'blob.key'), Buffer.alloc(16));
    expect(() => fileKeyProvider(t.dir).getKey()).toThrow(/BLOB_KEY_INVALID/);
    t.cleanup();
  });
});
