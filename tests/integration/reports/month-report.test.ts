import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { createCore, type Core } from '../../../src-main/core.ts';
import { openStore } from '../../../src-main/store/store.ts';
import { DossierComponentWriter } from '../../../src-main/store/component-pdfs.ts';
import { call } from '../dossiers/seed.ts';

const AGENCY = '000.00.31.H42';
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

let dir: string;
let core: Core;

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
function seed(dataDir: string): void {
  const store = openStore({ dataDir, agency: () => ({ code: AGENCY, counterId: '01' }) });
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

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-report-'));
  const first = createCore({ dataDir: dir, host: 'cli', version: 'test' });
  await call(first, 'settings.set', {
    agency: { code: AGENCY, name: 'UBND xã Tân Lập', place: 'Tân Lập', counterId: '01' },
    payment: { enabled: true, bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND XA TAN LAP' },
  });
  await first.close();
  seed(dir);
  core = createCore({ dataDir: dir, host: 'cli', version: 'test' });
});

afterAll(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the month report, computed by hand', () => {
  it('in the app: every figure of March', async () => {
    const { figures: f, source } = await call(core, 'reports.figures', MARCH);
    expect(source).toBe('local');
    expect(f.received.count).toBe(4);
    expect(f.byProcedure.map((g) => [g.key, g.count])).toEqual([['1.001193', 2], ['2.000815', 2]]);
    expect(f.byField.map((g) => [g.label, g.count])).toEqual([['Chứng thực', 2], ['Hộ tịch', 2]]);
    expect(f.fullyDigitizedOnReceipt).toMatchObject({ count: 3, of: 4, percent: 75 });
    expect([f.resolved.count, f.resolvedEarly.count, f.resolvedOnTime.count, f.resolvedLate.count]).toEqual([4, 1, 1, 2]);
    expect(f.resolvedLate.percent).toBe(50);
    expect(f.lateWorkingDays).toBe(3);
    expect(f.returnedWithDigitizedResult).toMatchObject({ count: 2, of: 3, percent: 66.67 });
    expect(f.feesWithVietQr).toMatchObject({ count: 2, of: 2, percent: 100 });
    expect(f.feesTotalVnd).toBe(4000);
    expect(f.supplementFormsIssued.count).toBe(1);
    expect(f.refusalFormsIssued.count).toBe(0);
    expect(f.months).toEqual([{ month: '2026-03', received: 4, resolved: 4, onTimePercent: 50 }]);
  });

  it('opens a figure to the dossiers behind it', async () => {
    const { figures } = await call(core, 'reports.figures', MARCH);
    const { items } = await call(core, 'reports.dossiers', { ids: figures.resolvedLate.ids });
    expect(items.map((d) => d.receivedAt.slice(0, 10)).sort()).toEqual(['2026-02-25', '2026-03-09']);
  });

  it('in the .xlsx, read back with a library', async () => {
    const file = await call(core, 'reports.exportXlsx', MARCH);
    expect(file.fileName).toBe('bao-cao-01032026-31032026.xlsx');
    const rows = await readSheet(Buffer.from(file.base64, 'base64'), 'Tổng hợp');
    const row = (label: string) => rows.find((r) => r[0] === label);
    expect(rows[1]?.[0]).toBe('Kỳ báo cáo: từ 01/03/2026 đến 31/03/2026');
    expect(row('Hồ sơ tiếp nhận trong kỳ')?.[1]).toBe(4);
    expect(row('Số hóa đầy đủ thành phần khi tiếp nhận')?.slice(1, 4)).toEqual([3, 4, 75]);
    expect(row('— Giải quyết quá hạn')?.slice(1, 4)).toEqual([2, 4, 50]);
    expect(row('Trả kết quả kèm bản điện tử (số hóa kết quả)')?.slice(1, 4)).toEqual([2, 3, 66.67]);
    expect(row('Tổng phí, lệ phí (đồng)')?.[1]).toBe(4000);
    const months = await readSheet(Buffer.from(file.base64, 'base64'), 'Theo tháng');
    expect(months[1]).toEqual(['03/2026', 4, 4, 50]);
  });

  it('in the PDF, read back with pdftotext', async () => {
    const file = await call(core, 'reports.pdf', MARCH);
    const path = join(dir, file.fileName);
    await import('node:fs').then((fs) => fs.writeFileSync(path, Buffer.from(file.base64, 'base64')));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', timeout: 20_000 });
    const line = (label: string) => text.split('\n').find((l) => l.includes(label))?.replace(/\s+/g, ' ').trim();
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026');
    expect(line('Hồ sơ tiếp nhận trong kỳ')).toBe('Hồ sơ tiếp nhận trong kỳ 4');
    expect(line('Số hóa đầy đủ thành phần')).toBe('Số hóa đầy đủ thành phần khi tiếp nhận 3 4 75 %');
    expect(line('Giải quyết quá hạn')).toBe('— Giải quyết quá hạn 2 4 50 %');
    expect(line('Tổng phí, lệ phí')).toBe('Tổng phí, lệ phí (đồng) 4.000');
    expect(text).toMatch(/Tân Lập, ngày \d{2} tháng \d{2} năm \d{4}/);
  });

  it('counts one counter only when asked, and tells IT how this counter is doing', async () => {
    const mine = await call(core, 'reports.figures', { ...MARCH, scope: 'counter' });
    expect(mine.figures.received.count).toBe(4);
    const health = await call(core, 'reports.counterHealth', {});
    expect(health).toMatchObject({ agencyCode: AGENCY, counterId: '01', appVersion: 'test', queueDepth: 0 });
    expect(health.configFingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});
