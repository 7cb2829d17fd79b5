import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { renderForm } from '../../../src-main/features/print/forms/render.ts';
import { sampleFormData } from '../../../src-main/features/print/forms/sample.ts';
import { formDataFromDossier, vietnamWallClock } from '../../../src-main/domain/dossier/form-from-dossier.ts';
import { kindOfNumber } from '../../../src-main/features/print/forms/templates/template.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { FormData } from '../../../src-main/contract/print.ts';
import { Settings } from '../../../src-main/contract/settings.ts';
import type { Dossier } from '../../../src-main/contract/dossiers.ts';
import { runSync } from '../../support/children.ts';

const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => (e instanceof CounterError ? `${e.code}:${JSON.stringify(e.details)}` : String(e)));

function text(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'form-'));
  writeFileSync(join(dir, 'f.pdf'), bytes);
  return runSync('pdftotext', [join(dir, 'f.pdf'), '-'], { timeout: 30_000 }).stdout.replace(/\s+/g, ' ');
}

/** Each page's size in points as poppler reads the saved bytes (pdfinfo), e.g. [[419.5, 595.3]]. */
function pageSizes(bytes: Uint8Array): Array<[number, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'form-'));
  writeFileSync(join(dir, 'f.pdf'), bytes);
  const info = runSync('pdfinfo', ['-f', '1', '-l', '999', join(dir, 'f.pdf')], { timeout: 30_000 }).stdout;
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

const A5 = [419.53, 595.28];

describe('forms → PDF', () => {
  it('renders Mẫu 01 as two A5 pages, hashes the exact bytes', async () => {
    const r = await renderForm('receipt', sampleFormData('receipt'));
    expect(r.pages).toBe(2);
    const sizes = pageSizes(r.bytes);
    expect(sizes).toHaveLength(2);
    for (const [w, h] of sizes) {
      expect(w).toBeCloseTo(A5[0]!, 0);
      expect(h).toBeCloseTo(A5[1]!, 0);
    }
    expect(r.sha256).toBe(createHash('sha256').update(r.bytes).digest('hex'));
    const t = text(r.bytes);
    expect(t).toContain('(Liên 1: Lưu)');
    expect(t).toContain('Nguyễn Thị Hồng Nhung');
  });

  it('applies a province wording override and NFC-normalises decomposed input', async () => {
    const data = sampleFormData('refusal');
    data.applicant.fullName = 'Nguyễn Văn Đức'.normalize('NFD');
    const r = await renderForm('refusal', data, { texts: { 'refusal.closing': 'Trân trọng thông báo.' } });
    const t = text(r.bytes);
    expect(t).toContain('Trân trọng thông báo.');
    expect(t).toContain('Nguyễn Văn Đức');
  });

  it('continues a long component list on another page instead of cutting it', async () => {
    const data = sampleFormData('supplement');
    data.supplement = { items: Array.from({ length: 40 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}`, reason: 'Thiếu chữ ký của người khai' })) };
    const r = await renderForm('supplement', data);
    expect(r.pages).toBeGreaterThan(1);
    expect(text(r.bytes)).toContain('Giấy tờ số 40');
  });

  it('bad input gets coded errors naming the field', async () => {
    const missing = sampleFormData('receipt') as Record<string, unknown>;
    delete missing.dossierCode;
    expect(await codeOf(renderForm('receipt', missing))).toMatch(/^FORM_DATA_INVALID:.*dossierCode/);
    const noAppointment = { ...sampleFormData('receipt'), appointmentAt: undefined };
    expect(await codeOf(renderForm('receipt', noAppointment))).toMatch(/^FORM_DATA_INVALID:.*appointmentAt/);
    const long = sampleFormData('receipt');
    long.applicant.fullName = 'Nguyễn '.repeat(30);
    expect(await codeOf(renderForm('receipt', long))).toMatch(/^FORM_TEXT_TOO_LONG:.*applicant.fullName/);
    const control = sampleFormData('receipt');
    control.applicant.address = 'Thôn 3\u0007';
    expect(await codeOf(renderForm('receipt', control))).toMatch(/^FORM_TEXT_UNPRINTABLE:.*applicant.address/);
    const emoji = sampleFormData('receipt');
    emoji.applicant.fullName = 'Lan 🌸';
    expect(await codeOf(renderForm('receipt', emoji))).toMatch(/^FORM_TEXT_UNPRINTABLE:.*🌸/);
    expect(await codeOf(renderForm('refusal', sampleFormData('receipt')))).toMatch(/^FORM_NEEDS_SECTION/);
  });

  it('form numbers follow the form set: the control sheet is 05 in 2018 and 06 in 2025', () => {
    expect(kindOfNumber('TT01-2018', '05')).toBe('control');
    expect(kindOfNumber('TT03-2025', '06')).toBe('control');
    expect(kindOfNumber('TT03-2025', '05')).toBeUndefined();
    expect(kindOfNumber('TT01-2018', '1')).toBe('receipt');
  });
});

describe('stored dossier → view model', () => {
  it('maps codes, counts, Vietnam wall-clock times and the fee', () => {
    expect(vietnamWallClock('2026-03-02T02:40:00Z')).toBe('2026-03-02T09:40');
    const dossier = {
      id: 'd1',
      provisionalCode: '000.05.12.H99-260302-0017',
      officialCode: null,
      agencyCode: '000.05.12.H99',
      counterId: '01',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      channel: 'direct',
      applicant: { identity: { fullName: 'Lê Thị Hoa', idNumber: '001190012345', warnings: [] }, trust: 'verified' },
      owner: null,
      summary: '',
      status: 2,
      receivedAt: '2026-03-02T09:40:00+07:00',
      dueAt: '2026-03-05T09:40:00+07:00',
      acceptedBy: 'Trần Văn Đức',
      provinceConfirmedAt: null,
      components: [{ id: 'c1', code: '', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 2, pages: [] }],
      statusHistory: [],
      forms: [],
    } as unknown as Dossier;
    const settings = Settings.parse({ agency: { name: 'UBND xã An Bình', counterId: '01' } });
    const vm = FormData.parse(
      formDataFromDossier(dossier, settings, { procedure: { fees: [{ name: 'Lệ phí', amountVnd: 8000 }], processingTime: { value: 3, unit: 'working-days' } } as never }),
    );
    expect(vm).toMatchObject({
      dossierCode: '000.05.12.H99-260302-0017',
      provisional: true,
      receivedAt: '2026-03-02T09:40',
      appointmentAt: '2026-03-05T09:40',
      book: { volume: '01/2026', number: '0017' },
      fee: { amount: 8000 },
      components: [{ name: 'Tờ khai', original: 1, certified: 0, copy: 2 }],
    });
  });
});
