import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../../store/atomic-file.ts';
import type { KeyProvider } from '../../store/blobs/key-provider.ts';
import { defineErrors } from '../../contract/errors.ts';

export const SecretErrors = defineErrors({
  SECRET_STORE_CORRUPT: {
    vi: 'Kho mật khẩu bị hỏng hoặc khóa không khớp. Hãy nhập lại thông tin đăng nhập máy chủ.',
    en: 'The secret store is damaged or its key does not match. Enter the server credentials again.',
  },
});

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
    const raw = readFileIfExists(this.file);
    if (!raw) return {};
    try {
      const iv = raw.subarray(0, 12);
      const tag = raw.subarray(12, 28);
      const decipher = createDecipheriv('aes-256-gcm', this.keys.getKey(), iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return JSON.parse(plain.toString('utf8')) as Record<string, string>;
    } catch (err) {
      throw SecretErrors.raise('SECRET_STORE_CORRUPT', { reason: String(err) });
    }
  }

  private writeAll(values: Record<string, string>): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.getKey(), iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
    writeFileAtomic(this.file, Buffer.concat([iv, cipher.getAuthTag(), body]), 0o600);
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
