import { openStore } from '../../../src-main/store/store.ts';
import { featureMigrations } from '../../../src-main/feature-list.ts';
import { DossierComponentWriter } from '../../../src-main/store/component-pdfs.ts';

export const AGENCY = '000.00.31.H42';
const copies = [{ channel: 'direct' as const, originals: 1, certifiedCopies: 0, photocopies: 0 }];
const KHAI_SINH = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: { code: 'HT', name: 'Hộ tịch' },
  processingTime: { value: 1, unit: 'working-days' as const },
  components: [
    { name: 'Tờ khai đăng ký khai sinh', copies },
    { name: 'Giấy chứng sinh', copies },
    { name: 'Giấy tờ tùy chọn', optional: true, copies },
  ],
};
const CHUNG_THUC = {
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  field: { code: 'CT', name: 'Chứng thực' },
  processingTime: { value: 1, unit: 'working-days' as const },
  fees: [{ name: 'Lệ phí chứng thực', amountVnd: 2000 }],
  components: [{ name: 'Bản chính giấy tờ', copies }],
};


/**
 * A month seeded at the repository level, where every time can be set: six dossiers whose figures
 * were worked out by hand (March 2026, Vietnam days; no holiday in March).
 *  1 khai sinh, 02/03, both required pages, ready 03/03 10:00 (due 03/03 16:00: on time), returned 04/03 with the result scanned
 *  2 khai sinh, 09/03, one of two required, ready Fri 13/03 (due Wed 11/03: late by 2 working days), returned 13/03 without a scan
 *  3 chứng thực, 16/03, full, fee 2,000 with Mẫu 01, ready 17/03 (due 18/03: early)
 *  4 chứng thực, 31/03 23:00, full, fee 2,000, Mẫu 01 and Mẫu 02, open
 *  5 khai sinh, 01/04 00:30 — outside March
 *  6 khai sinh, received 25/02, ready Mon 02/03 (due Fri 27/02: late by 1 working day), returned 02/03 with the result scanned
 */
export function seedMonth(dataDir: string): void {
  const store = openStore({ dataDir, migrations: featureMigrations(), agency: () => ({ code: AGENCY, counterId: '01' }) });
  try {
    store.procedures.upsert(KHAI_SINH);
    store.procedures.upsert(CHUNG_THUC);
    const page = (label: string) => {
      const b = store.blobs.put(Buffer.from(`%PDF-1.4 ${label}`));
      return [{ pageNo: 1, sha256: b.sha256, size: 12, mime: 'application/pdf' }];
    };
    const at = (s: string) => new Date(s);
    const accept = (p: typeof KHAI_SINH | typeof CHUNG_THUC, receivedAt: string, dueAt: string, scanned: boolean[]) =>
      store.dossiers.accept(
        {
          procedureCode: p.code,
          procedureName: p.name,
          applicant: { identity: { kind: 'manual', fullName: 'Lê Văn Tám', warnings: [] }, trust: 'manual' },
          components: p.components.map((c, i) => ({ name: c.name, originals: 1, pages: scanned[i] ? page(`${receivedAt}-${i}`) : [] })),
          receivedAt,
          appointment: { dueAt },
        },
        at(receivedAt),
      );
    const result = (id: string) => new DossierComponentWriter(store).addPdfComponent(id, { code: 'KQ', name: 'Kết quả', sha256: page(`kq-${id}`)[0]!.sha256, size: 12 });

    const d1 = accept(KHAI_SINH, '2026-03-02T08:30:00+07:00', '2026-03-03T16:00:00+07:00', [true, true]);
    store.dossiers.changeStatus(d1.id, 9, undefined, undefined, at('2026-03-03T10:00:00+07:00'));
    result(d1.id);
    store.dossiers.changeStatus(d1.id, 10, undefined, undefined, at('2026-03-04T09:00:00+07:00'));

    const d2 = accept(KHAI_SINH, '2026-03-09T14:00:00+07:00', '2026-03-11T16:00:00+07:00', [true, false]);
    store.dossiers.changeStatus(d2.id, 9, undefined, undefined, at('2026-03-13T09:00:00+07:00'));
    store.dossiers.changeStatus(d2.id, 10, undefined, undefined, at('2026-03-13T10:00:00+07:00'));

    const d3 = accept(CHUNG_THUC, '2026-03-16T09:00:00+07:00', '2026-03-18T16:00:00+07:00', [true]);
    store.dossiers.recordForm(d3.id, 'Mẫu 01', page('f3')[0]!.sha256);
    store.dossiers.changeStatus(d3.id, 9, undefined, undefined, at('2026-03-17T08:00:00+07:00'));

    const d4 = accept(CHUNG_THUC, '2026-03-31T23:00:00+07:00', '2026-04-02T16:00:00+07:00', [true]);
    store.dossiers.recordForm(d4.id, 'Mẫu 01', page('f4a')[0]!.sha256);
    store.dossiers.recordForm(d4.id, 'Mẫu 02', page('f4b')[0]!.sha256);

    accept(KHAI_SINH, '2026-04-01T00:30:00+07:00', '2026-04-02T16:00:00+07:00', [true, true]);

    const d6 = accept(KHAI_SINH, '2026-02-25T09:00:00+07:00', '2026-02-27T16:00:00+07:00', [true, true]);
    store.dossiers.changeStatus(d6.id, 9, undefined, undefined, at('2026-03-02T08:00:00+07:00'));
    result(d6.id);
    store.dossiers.changeStatus(d6.id, 10, undefined, undefined, at('2026-03-02T09:00:00+07:00'));
  } finally {
    store.close();
  }
}
