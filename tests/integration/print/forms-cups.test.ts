import { beforeAll, describe, expect, it } from 'vitest';
import { Settings } from '../../../src-main/contract/settings.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { CupsPrinter } from '../../../src-main/devices/printer/cups-printer.ts';
import { PrintService } from '../../../src-main/features/print/print-service.ts';
import { sampleFormData } from '../../../src-main/features/print/forms/sample.ts';
import { parseVietQr } from '../../../src-main/domain/vietqr/vietqr.ts';
import type { FormKind } from '../../../src-main/contract/print.ts';
import { cupsPdfOutDir, ensureCupsd, ensurePdfQueue, listPdfs, waitForNewPdf } from './cups-setup.ts';
import { pdfQrCodes, pdfText, squash } from './read-back.ts';

const QUEUE = 'CounterPDF';
const OFFLINE_QUEUE = 'CounterPDFOffline';

function service(formSet: 'TT01-2018' | 'TT03-2025' = 'TT01-2018') {
  const settings = Settings.parse({
    agency: { name: 'Trung tâm Phục vụ hành chính công xã An Bình' },
    print: { formSet, profiles: { receipt: { printer: QUEUE }, supplement: { printer: QUEUE }, refusal: { printer: QUEUE }, control: { printer: QUEUE } } },
    payment: { enabled: true, bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND XA AN BINH', referencePrefix: 'LP' },
  });
  return new PrintService({ settings: { get: () => settings }, systemPrinter: new CupsPrinter() });
}

async function printAndReadBack(kind: FormKind, formSet?: 'TT01-2018' | 'TT03-2025') {
  const out = cupsPdfOutDir();
  const before = listPdfs(out);
  const { pdf, job } = await service(formSet).printForm(kind, sampleFormData(kind));
  expect(job.printer).toBe(QUEUE);
  expect(job.jobId).toMatch(/^CounterPDF-\d+$/);
  expect(job.sha256).toBe(pdf.sha256);
  const printed = await waitForNewPdf(out, before);
  return { printed, text: pdfText(printed), pdf };
}

beforeAll(() => {
  ensureCupsd();
  ensurePdfQueue(QUEUE);
  ensurePdfQueue(OFFLINE_QUEUE, false);
}, 60_000);

describe('forms printed through a CUPS PDF queue and read back', () => {
  it('Mẫu 01: both copies, Vietnamese text, appointment, book number, dossier QR and VietQR fee code', async () => {
    const { printed, text } = await printAndReadBack('receipt');
    expect(text).toContain(squash('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'));
    expect(text).toContain(squash('(Liên 1: Lưu)'));
    expect(text).toContain(squash('(Liên 2: Giao khách hàng)'));
    expect(text).toContain(squash('Tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung'));
    expect(text).toContain(squash('Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 40 phút, ngày 05 tháng 03 năm 2026'));
    expect(text).toContain(squash('Quyển số: 01/2026 Số thứ tự: 0017'));
    expect(text).toContain(squash('Lệ phí: 8.000 đồng'));
    expect(text).toContain(squash('Mã hồ sơ: 000.05.12.H99-260302-0017'));
    // The short reference the bank statement will show is printed under the fee QR.
    expect(text).toContain(squash('Nội dung CK: LP 260302-0017'));
    for (const page of [1, 2]) {
      const codes = await pdfQrCodes(printed, page);
      expect(codes).toContain('000.05.12.H99-260302-0017');
      const fee = codes.find((c) => c.startsWith('000201'));
      expect(fee).toBeDefined();
      expect(parseVietQr(fee!)).toMatchObject({ bankBin: '970436', accountNumber: '0011001234567', amount: 8000, reference: 'LP 260302-0017' });
    }
  }, 90_000);

  it('Mẫu 02: what is missing and why, in one go', async () => {
    const { printed, text } = await printAndReadBack('supplement');
    expect(text).toContain(squash('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'));
    expect(text).toContain(squash('đầy đủ một lần'));
    expect(text).toContain(squash('Bản nộp bị mờ, không đọc được ngày sinh'));
    expect(await pdfQrCodes(printed, 1)).toEqual([]);
  }, 60_000);

  it('Mẫu 03: the refusal reason', async () => {
    const { text } = await printAndReadBack('refusal');
    expect(text).toContain(squash('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'));
    expect(text).toContain(squash('Thủ tục không thuộc thẩm quyền giải quyết của UBND cấp xã'));
  }, 60_000);

  it('control sheet: Mẫu 05 under TT 01/2018, Mẫu 06 under the 2025 numbering', async () => {
    const old = await printAndReadBack('control');
    expect(old.text).toContain(squash('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'));
    expect(old.text).toContain(squash('Mẫu số 05'));
    expect(old.text).toContain(squash('Công chức Tư pháp - Hộ tịch'));
    expect(old.text).toContain(squash('Đúng hạn'));
    const renumbered = await printAndReadBack('control', 'TT03-2025');
    expect(renumbered.text).toContain(squash('Mẫu số 06'));
    expect(renumbered.pdf.formNumber).toBe('06');
  }, 90_000);

  it('refuses a paused queue and an unknown printer with coded errors', async () => {
    const s = service();
    const code = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => (e instanceof CounterError ? e.code : String(e)));
    expect(await code(s.printForm('refusal', sampleFormData('refusal'), OFFLINE_QUEUE))).toBe('PRINTER_OFFLINE');
    expect(await code(s.printForm('refusal', sampleFormData('refusal'), 'NoSuchQueue'))).toBe('PRINTER_NOT_FOUND');
  }, 30_000);

  it('prints a Vietnamese test page', async () => {
    const out = cupsPdfOutDir();
    const before = listPdfs(out);
    const job = await service().printTest(QUEUE);
    const text = pdfText(await waitForNewPdf(out, before));
    expect(job.printer).toBe(QUEUE);
    expect(text).toContain(squash('Ắ Ằ Ẳ Ẵ Ặ'));
    expect(text).toContain(squash('Ứ Ừ Ử Ữ Ự'));
  }, 60_000);
});
