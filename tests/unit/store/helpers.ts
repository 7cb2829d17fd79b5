import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../../src-main/store/store.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import type { DossierDraft } from '../../../src-main/domain/dossier/dossier.ts';

export const AGENCY = { code: '000.00.31.H42', counterId: '01' };

export function tempDir(prefix = 'store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real store in a fresh temp folder. */
export function tempStore(options: Partial<StoreOptions> = {}): { store: Store; dir: string; cleanup: () => void } {
  const t = tempDir();
  const store = openStore({ dataDir: t.dir, agency: () => AGENCY, ...options });
  return {
    store,
    dir: t.dir,
    cleanup: () => {
      store.close();
      t.cleanup();
    },
  };
}

export function draft(over: Partial<DossierDraft> = {}, name = 'Nguyễn Văn An', idNumber = '001085012345'): DossierDraft {
  return {
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    applicant: {
      identity: { kind: 'cccd-qr', fullName: name, idNumber, dateOfBirth: '1985-03-12', warnings: [] },
      trust: 'machine-read',
      phone: '0912345678',
    },
    summary: 'Đăng ký khai sinh cho con',
    components: [{ code: 'TK', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0, pages: [] }],
    ...over,
  };
}

/** The coded error `fn` throws; fails the test when it throws something else or nothing. */
export function codedError(fn: () => unknown): CounterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CounterError) return err;
    throw err;
  }
  throw new Error('expected a coded error, but nothing was thrown');
}
