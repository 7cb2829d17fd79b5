import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';
import { createCore, type Core } from '../../../src-main/core.ts';
import { call } from '../dossiers/seed.ts';
import { runSync } from '../../support/children.ts';
import { AGENCY, seedMonth } from './seed-month.ts';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'counter-report-'));
  const first = createCore({ dataDir: dir, host: 'cli', version: 'test' });
  await call(first, 'settings.set', {
    agency: { code: AGENCY, name: 'UBND xã Tân Lập', place: 'Tân Lập', counterId: '01' },
    payment: { enabled: true, bankBin: '970436', accountNumber: '0011001234567', accountName: 'UBND XA TAN LAP' },
  });
  await first.close();
  seedMonth(dir);
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
    const text = runSync('pdftotext', ['-layout', path, '-'], { timeout: 20_000 }).stdout;
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
