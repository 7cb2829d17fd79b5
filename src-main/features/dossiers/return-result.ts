import type { Dossier } from '../../contract/dossiers.ts';
import { DossierViewErrors, RESULT_COMPONENT_CODE, type ResultSource } from '../../contract/dossier-view.ts';
import type { Store } from '../../store/store.ts';
import { DossierComponentWriter } from '../../store/component-pdfs.ts';

/** What returnResult needs from the scan feature: a session's pages and its PDF, built into the blob store. */
export interface ResultScanner {
  /** The session's pages in order (their OCR or PDF text once the PDF is built). */
  pages(sessionId: string): Promise<Array<{ text?: string }>>;
  /** Waits for scanning and OCR, then builds the searchable PDF of every page into the blob store. */
  buildPdf(sessionId: string): Promise<{ sha256: string; bytes: number }>;
}

export const RESULT_COMPONENT_NAME = 'Kết quả giải quyết thủ tục hành chính';

/**
 * The national statuses a dossier passes through when its result is handed over: a dossier the
 * commune processed itself goes 9 (Đã xử lý xong) → 10 (Đã trả kết quả); one already at 9 goes to 10.
 */
export function returnSteps(status: number): number[] {
  if (status === 10) throw DossierViewErrors.raise('DOSSIER_ALREADY_RETURNED');
  if (status === 9) return [10];
  if ([2, 4, 5, 6].includes(status)) return [9, 10];
  throw DossierViewErrors.raise('DOSSIER_NOT_RETURNABLE', { status });
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 4 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/**
 * Returning the result (trả kết quả): the digitized result is filed as a component of the dossier
 * and the status moves to 10, in one transaction, so a dossier is never "returned" without its
 * result on file. The status changes go through the store's repository, so its change hooks run.
 */
export class ResultReturner {
  private readonly writer: DossierComponentWriter;

  constructor(
    private readonly store: Store,
    private readonly scanner: ResultScanner,
  ) {
    this.writer = new DossierComponentWriter(store);
  }

  async returnResult(input: { dossierId: string; source: ResultSource; collectedBy?: string; note?: string }, by?: string): Promise<Dossier> {
    const before = this.store.dossiers.get(input.dossierId);
    const steps = returnSteps(before.status);
    const { sha256, size, texts } = await this.digitized(input.source);
    const note = [input.collectedBy ? `Người nhận kết quả: ${input.collectedBy}` : '', input.note ?? ''].filter(Boolean).join(' — ') || undefined;
    const componentId = this.store.db.transaction(() => {
      // Re-checked inside the transaction: another counter may have returned it meanwhile.
      returnSteps(this.store.dossiers.get(input.dossierId).status);
      const id = this.writer.addPdfComponent(input.dossierId, { code: RESULT_COMPONENT_CODE, name: RESULT_COMPONENT_NAME, sha256, size });
      for (const to of steps) this.store.dossiers.changeStatus(input.dossierId, to, by, to === 10 ? note : 'Có kết quả giải quyết');
      return id;
    }).immediate();
    texts.forEach((text, i) => text.trim() && this.store.search.indexPageText(input.dossierId, componentId, i + 1, text));
    return this.store.dossiers.get(input.dossierId);
  }

  private async digitized(source: ResultSource): Promise<{ sha256: string; size: number; texts: string[] }> {
    if (source.kind === 'stored') {
      if (!this.store.blobs.has(source.sha256)) throw DossierViewErrors.raise('RESULT_EMPTY', { sha256: source.sha256 });
      const bytes = this.store.blobs.get(source.sha256);
      if (!isPdf(bytes)) throw DossierViewErrors.raise('RESULT_NOT_PDF');
      return { sha256: source.sha256, size: bytes.length, texts: [] };
    }
    if ((await this.scanner.pages(source.sessionId)).length === 0) throw DossierViewErrors.raise('RESULT_EMPTY');
    const pdf = await this.scanner.buildPdf(source.sessionId);
    if (!this.store.blobs.has(pdf.sha256)) throw DossierViewErrors.raise('RESULT_EMPTY', { sha256: pdf.sha256 });
    return { sha256: pdf.sha256, size: pdf.bytes, texts: (await this.scanner.pages(source.sessionId)).map((p) => p.text ?? '') };
  }
}
