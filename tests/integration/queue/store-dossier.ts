import { randomBytes } from 'node:crypto';
import type { ResultScanner } from '../../../src-main/features/dossiers/return-result.ts';
import type { Store } from '../../../src-main/store/store.ts';

/** returnResult is called with a stored PDF in the sync tests, so no scan session is ever asked for. */
export const noScanner: ResultScanner = {
  pages: () => {
    throw new Error('no scan session in this test');
  },
  buildPdf: () => Promise.reject(new Error('no scan session in this test')),
};

/** Accepts a one-page birth registration in the real store (its outbox row is written by the accept hook). */
export function acceptBirthRegistration(store: Store, pageBytes: number): string {
  const ref = store.blobs.put(randomBytes(pageBytes));
  return store.dossiers.accept({
    procedureCode: '1.001193',
    procedureName: 'Thủ tục đăng ký khai sinh',
    applicant: { identity: { kind: 'cccd-qr', fullName: 'Nguyễn Văn An', idNumber: '001090012345', warnings: [] }, trust: 'machine-read' },
    summary: 'Đăng ký khai sinh',
    components: [{ code: 'TK', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, pages: [{ pageNo: 1, sha256: ref.sha256, size: ref.size, mime: 'image/jpeg' }] }],
  }).id;
}
