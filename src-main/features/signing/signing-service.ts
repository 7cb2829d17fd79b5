import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CounterError } from '../../contract/errors.ts';
import {
  type BatchResult,
  type KeySelector,
  type SignOptions,
  type SigningProgress,
  type SigningSettings,
  SigningErrors,
  type TokenInfo,
  type VerifyReport,
} from '../../contract/signing.ts';
import { loadPkcs12 } from './keys/pkcs12-key.ts';
import { withTokenKey } from './keys/pkcs11-key.ts';
import { listTokens } from './keys/pkcs11-tokens.ts';
import type { SigningKey } from './keys/signing-key.ts';
import { signPdf, type SignPdfResult } from './pdf-signer.ts';
import { verifyPdf } from './verify/verify-pdf.ts';

/** One PDF of a batch: where it comes from and where its signed copy goes. */
export interface BatchItem {
  id: string;
  name: string;
  read(): Promise<Uint8Array>;
  write(signed: Uint8Array): Promise<void>;
}

/** What the dossier store offers the signer: the signing feature passes it in (or setComponentSource). */
export interface ComponentSource {
  pdfComponents(dossierId: string): Promise<BatchItem[]>;
}

export interface SigningServiceDeps {
  settings: () => SigningSettings;
  emit: (p: SigningProgress) => void;
  components?: ComponentSource;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch {
    throw SigningErrors.raise('FILE_READ_FAILED', { path });
  }
}

async function writeBytes(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch {
    throw SigningErrors.raise('FILE_WRITE_FAILED', { path });
  }
}

const errorOf = (e: unknown) => {
  const ce = e instanceof CounterError ? e : SigningErrors.raise('PKCS11_FAILED');
  return { code: ce.code, vi: ce.messages.vi, en: ce.messages.en };
};

/** Signing and verification for the counter: keys from tokens or .p12, PDFs from files or dossiers. */
export class SigningService {
  private components: ComponentSource | undefined;

  constructor(private readonly d: SigningServiceDeps) {
    this.components = d.components;
  }

  setComponentSource(source: ComponentSource): void {
    this.components = source;
  }

  tokens(modulePath?: string): Promise<TokenInfo[]> {
    return listTokens(modulePath ? [modulePath] : this.d.settings().pkcs11Modules);
  }

  /** Opens the key once (one PIN entry, one token session) for everything `fn` signs. */
  async withKey<T>(sel: KeySelector, fn: (key: SigningKey) => Promise<T>): Promise<T> {
    if (sel.kind === 'pkcs12') return fn(await loadPkcs12(sel.path, sel.password));
    const s = this.d.settings();
    const tokenLabel = sel.tokenLabel ?? (sel.tokenSerial ? undefined : s.defaultTokenLabel || undefined);
    return withTokenKey(sel.modulePath ? [sel.modulePath] : s.pkcs11Modules, { ...sel, tokenLabel }, fn);
  }

  signWith(key: SigningKey, pdf: Uint8Array, o: SignOptions): Promise<SignPdfResult> {
    const tsaUrl = o.tsaUrl ?? this.d.settings().tsaUrl;
    return signPdf(pdf, key, { ...o, tsaUrl: tsaUrl || undefined });
  }

  async signFile(path: string, outPath: string | undefined, sel: KeySelector, o: SignOptions) {
    const pdf = await readBytes(path);
    const r = await this.withKey(sel, (key) => this.signWith(key, pdf, o));
    const target = outPath ?? path;
    await writeBytes(target, r.bytes);
    return { path, outPath: target, bytes: r.bytes.length, timestamped: r.timestamped };
  }

  /**
   * Signs every item with one key session, reporting progress per item. A failure of one PDF
   * does not stop the others; a key failure (PIN, token pulled out) stops the batch.
   */
  async signBatch(items: BatchItem[], sel: KeySelector, o: SignOptions, batchId: string = randomUUID()): Promise<BatchResult> {
    if (items.length === 0) throw SigningErrors.raise('BATCH_EMPTY');
    const total = items.length;
    const result: BatchResult = { batchId, signed: [], failed: [] };
    this.d.emit({ batchId, done: 0, total, phase: 'started' });
    try {
      await this.withKey(sel, async (key) => {
        for (const item of items) {
          try {
            const r = await this.signWith(key, await item.read(), o);
            await item.write(r.bytes);
            result.signed.push(item.id);
            this.d.emit({ batchId, done: result.signed.length + result.failed.length, total, itemId: item.id, itemName: item.name, phase: 'signed' });
          } catch (e) {
            const err = errorOf(e);
            result.failed.push({ itemId: item.id, ...err });
            this.d.emit({ batchId, done: result.signed.length + result.failed.length, total, itemId: item.id, itemName: item.name, phase: 'failed', error: err });
            if (e instanceof CounterError && ['TOKEN_REMOVED', 'PIN_LOCKED', 'PKCS11_FAILED'].includes(e.code)) throw e;
          }
        }
      });
    } catch (e) {
      this.d.emit({ batchId, done: result.signed.length + result.failed.length, total, phase: 'finished', error: errorOf(e) });
      throw e;
    }
    this.d.emit({ batchId, done: total, total, phase: 'finished' });
    return result;
  }

  signFiles(paths: string[], outDir: string | undefined, sel: KeySelector, o: SignOptions, batchId?: string): Promise<BatchResult> {
    const items: BatchItem[] = paths.map((path) => ({
      id: path,
      name: basename(path),
      read: () => readBytes(path),
      write: (b) => writeBytes(outDir ? join(outDir, basename(path)) : path, b),
    }));
    return this.signBatch(items, sel, o, batchId);
  }

  async signDossier(dossierId: string, sel: KeySelector, o: SignOptions, batchId?: string): Promise<BatchResult> {
    if (!this.components) throw SigningErrors.raise('NO_COMPONENT_STORE');
    return this.signBatch(await this.components.pdfComponents(dossierId), sel, o, batchId);
  }

  verifyBytes(pdf: Uint8Array): Promise<VerifyReport> {
    const s = this.d.settings();
    return verifyPdf(pdf, { trustAnchorsPem: s.trustAnchorsPem, checkRevocation: s.checkRevocation });
  }

  async verifyFile(path: string): Promise<VerifyReport> {
    return this.verifyBytes(await readBytes(path));
  }
}
