import { join } from 'node:path';
import { readEncryptedFile, writeEncryptedFile } from '../store/encrypted-file.ts';
import type { KeyProvider } from '../store/blobs/key-provider.ts';
import { SecretErrors } from '../contract/admin.ts';

/**
 * Credentials (the province server's client secret, the TSA password…) encrypted with AES-256-GCM
 * under a key from the OS key store (Electron safeStorage) or a 0600 key file (web host). Values
 * are never returned to the renderer, only whether they are set.
 */
export class SecretStore {
  private readonly file: string;

  constructor(dataDir: string, private readonly keys: KeyProvider) {
    this.file = join(dataDir, 'secrets.enc');
  }

  private readAll(): Record<string, string> {
    try {
      const plain = readEncryptedFile(this.file, this.keys);
      return plain ? (JSON.parse(plain.toString('utf8')) as Record<string, string>) : {};
    } catch (err) {
      throw SecretErrors.raise('SECRET_STORE_CORRUPT', { reason: String(err) });
    }
  }

  private writeAll(values: Record<string, string>): void {
    writeEncryptedFile(this.file, this.keys, JSON.stringify(values));
  }

  get(name: string): string | undefined {
    return this.readAll()[name];
  }

  set(name: string, value: string | undefined): void {
    const all = this.readAll();
    if (value === undefined || value === '') delete all[name];
    else all[name] = value;
    this.writeAll(all);
  }

  names(): string[] {
    return Object.keys(this.readAll()).sort();
  }

  entries(): Record<string, string> {
    return this.readAll();
  }
}
